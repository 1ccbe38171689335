package io.ticklane.research.spark;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.ticklane.backtest.sparkfixture.ForbiddenSparkImportFixture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark stays in this module: no other Ticklane class on its classpath (the backtester and everything below it) uses
 * Spark, and research-spark reaches nothing above the backtester. The cli's DependencyRulesTest applies the Spark rule
 * to the modules this module does not see (runtime, perf, feed-serve, cli).
 */
class SparkConfinementTest
{
    private static final ArchRule NO_SPARK_OUTSIDE_RESEARCH = noClasses()
        .that().resideOutsideOfPackage("io.ticklane.research.spark..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
        .as("only research-spark uses Apache Spark");

    private static final ArchRule RESEARCH_STAYS_ABOVE_THE_BACKTESTER = noClasses()
        .that().resideInAPackage("io.ticklane.research.spark..")
        .should().dependOnClassesThat().resideInAnyPackage("io.ticklane.cli..", "io.ticklane.runtime..", "io.ticklane.perf..",
            "io.ticklane.feedserve..")
        .as("research-spark depends on the backtester and below, never on the daemon or the cli");

    @Test
    void onlyResearchSparkUsesSparkAndItReachesNothingAboveTheBacktester()
    {
        final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ticklane");
        assertTrue(production.containPackage("io.ticklane.backtest") && production.containPackage("io.ticklane.research.spark"));

        NO_SPARK_OUTSIDE_RESEARCH.check(production);
        RESEARCH_STAYS_ABOVE_THE_BACKTESTER.check(production);
    }

    @Test
    void aBacktestClassUsingSparkBreaksTheRule()
    {
        final JavaClasses fixture = new ClassFileImporter().importClasses(ForbiddenSparkImportFixture.class);

        assertTrue(NO_SPARK_OUTSIDE_RESEARCH.evaluate(fixture).hasViolation());
        assertTrue(NO_SPARK_OUTSIDE_RESEARCH.evaluate(fixture).getFailureReport().toString().contains("org.apache.spark"));
    }
}
