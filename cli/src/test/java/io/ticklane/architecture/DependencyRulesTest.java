package io.ticklane.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import io.ticklane.architecture.fixture.cycle.a.CycleFixtureA;
import io.ticklane.architecture.fixture.cycle.b.CycleFixtureB;
import io.ticklane.journal.ForbiddenCliImportFixture;
import io.ticklane.orderbook.ForbiddenTransportImportFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ticklane's production classes obey the dependency rules, and each rule does catch the violation it exists for:
 * the fixtures (test classes of this module only, never imported with the production classes) each break one.
 */
class DependencyRulesTest
{
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses()
    {
        production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ticklane");
    }

    @Test
    void everyModuleIsImportedAndChecked()
    {
        for (final String module : new String[]{ "sbe", "fix44", "clock", "orderbook", "microstructure", "marketmaking",
            "journal", "gateway", "tuning", "runtime", "backtest", "perf", "feedserve", "cockpit", "cli" })
        {
            assertTrue(production.containPackage("io.ticklane." + module),
                "no production classes of io.ticklane." + module + " on the test classpath");
        }
        assertFalse(production.contain(ForbiddenTransportImportFixture.class), "test fixtures leaked into the check");
    }

    @Test
    void modulesDependOnlyDownwardsAndNobodyImportsTheCli()
    {
        DependencyRules.MODULE_LAYERS.check(production);
    }

    @Test
    void decisionCoreImportsNoTransportJournalOrCli()
    {
        DependencyRules.DECISION_CORE_IS_PURE.check(production);
    }

    @Test
    void nothingButTheCliReachesFeedServeOrItsWebServer()
    {
        DependencyRules.NO_WEB_SERVER_BELOW_THE_CLI.check(production);
    }

    @Test
    void nothingButResearchSparkUsesSpark()
    {
        DependencyRules.NO_SPARK_OUTSIDE_RESEARCH.check(production);
    }

    @Test
    void packagesHaveNoCycles()
    {
        DependencyRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void anOrderBookClassImportingTheTransportBreaksBothModuleRules()
    {
        final JavaClasses fixture = new ClassFileImporter().importClasses(ForbiddenTransportImportFixture.class);

        assertViolation(DependencyRules.MODULE_LAYERS.evaluate(fixture), "io.ticklane.gateway.transport.Transport");
        assertViolation(DependencyRules.DECISION_CORE_IS_PURE.evaluate(fixture), "io.ticklane.gateway.transport");
    }

    @Test
    void aJournalClassImportingTheCliBreaksTheLayerRule()
    {
        final JavaClasses fixture = new ClassFileImporter().importClasses(ForbiddenCliImportFixture.class);

        assertViolation(DependencyRules.MODULE_LAYERS.evaluate(fixture), "io.ticklane.cli.TicklaneVersion");
    }

    @Test
    void twoPackagesUsingEachOtherBreakTheCycleRule()
    {
        final JavaClasses fixture = new ClassFileImporter().importClasses(CycleFixtureA.class, CycleFixtureB.class);

        assertViolation(DependencyRules.NO_PACKAGE_CYCLES.evaluate(fixture), "Cycle detected");
    }

    @Test
    void onePackageAloneHasNoCycle()
    {
        final JavaClasses fixture = new ClassFileImporter().importClasses(CycleFixtureA.class);

        assertFalse(DependencyRules.NO_PACKAGE_CYCLES.evaluate(fixture).hasViolation());
    }

    private static void assertViolation(final EvaluationResult result, final String expectedInReport)
    {
        final String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), "the rule let a forbidden dependency pass");
        assertTrue(report.contains(expectedInReport), "the report does not name " + expectedInReport + ": " + report);
    }
}
