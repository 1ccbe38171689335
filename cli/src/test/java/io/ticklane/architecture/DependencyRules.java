package io.ticklane.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module and package rules of ARCHITECTURE.md as executable ArchUnit rules, so a forbidden import fails the
 * build instead of waiting for a reviewer. Module boundaries are package prefixes ({@code io.ticklane.<module>}),
 * and the Maven poms already stop a module from compiling against one it does not declare; these rules add what
 * Maven cannot see: the allowed direction between modules that both reach a class transitively, no cycles between
 * packages inside a module, and the hot-path modules' freedom from transport, journal, CLI and their libraries.
 * Why ArchUnit rather than Checkstyle's ImportControl: docs/decisions/modules.md.
 */
final class DependencyRules
{
    private static final String SBE = "io.ticklane.sbe..";
    private static final String FIX_CODECS = "io.ticklane.fix44..";
    private static final String CLOCK = "io.ticklane.clock..";
    private static final String ORDERBOOK = "io.ticklane.orderbook..";
    private static final String MICROSTRUCTURE = "io.ticklane.microstructure..";
    private static final String MARKETMAKING = "io.ticklane.marketmaking..";
    private static final String JOURNAL = "io.ticklane.journal..";
    private static final String GATEWAY = "io.ticklane.gateway..";
    private static final String TUNING = "io.ticklane.tuning..";
    private static final String RUNTIME = "io.ticklane.runtime..";
    private static final String BACKTEST = "io.ticklane.backtest..";
    private static final String PERF = "io.ticklane.perf..";
    private static final String CLI = "io.ticklane.cli..";
    private static final String FEED_SERVE = "io.ticklane.feedserve..";
    private static final String COCKPIT = "io.ticklane.cockpit..";

    /**
     * Each module reaches only the modules below it in the map; nothing reaches {@code cli}. Dependencies on
     * classes outside every module (the JDK, libraries) are not this rule's business.
     */
    static final ArchRule MODULE_LAYERS = Architectures.layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("sbe-schemas").definedBy(SBE)
        .layer("fix-codecs").definedBy(FIX_CODECS)
        .layer("clock").definedBy(CLOCK)
        .layer("orderbook").definedBy(ORDERBOOK)
        .layer("microstructure").definedBy(MICROSTRUCTURE)
        .layer("marketmaking").definedBy(MARKETMAKING)
        .layer("journal").definedBy(JOURNAL)
        .layer("gateway").definedBy(GATEWAY)
        .layer("tuning").definedBy(TUNING)
        .layer("runtime").definedBy(RUNTIME)
        .layer("backtest").definedBy(BACKTEST)
        .layer("perf").definedBy(PERF)
        .layer("feed-serve").definedBy(FEED_SERVE)
        .layer("cockpit").definedBy(COCKPIT)
        .layer("cli").definedBy(CLI)
        .whereLayer("sbe-schemas").mayNotAccessAnyLayer()
        .whereLayer("fix-codecs").mayNotAccessAnyLayer()
        .whereLayer("clock").mayNotAccessAnyLayer()
        .whereLayer("tuning").mayNotAccessAnyLayer()
        .whereLayer("feed-serve").mayNotAccessAnyLayer()
        .whereLayer("orderbook").mayOnlyAccessLayers("sbe-schemas")
        .whereLayer("microstructure").mayOnlyAccessLayers("orderbook", "clock", "sbe-schemas")
        .whereLayer("marketmaking").mayOnlyAccessLayers("microstructure", "orderbook", "clock", "sbe-schemas")
        .whereLayer("journal").mayOnlyAccessLayers("sbe-schemas")
        .whereLayer("gateway").mayOnlyAccessLayers("orderbook", "journal", "sbe-schemas", "fix-codecs")
        .whereLayer("runtime").mayOnlyAccessLayers(
            "marketmaking", "microstructure", "orderbook", "journal", "gateway", "tuning", "clock", "sbe-schemas",
            "fix-codecs")
        .whereLayer("backtest").mayOnlyAccessLayers(
            "marketmaking", "microstructure", "orderbook", "journal", "gateway", "clock", "sbe-schemas")
        .whereLayer("perf").mayOnlyAccessLayers(
            "runtime", "backtest", "marketmaking", "microstructure", "orderbook", "journal", "gateway", "tuning",
            "clock", "sbe-schemas", "fix-codecs")
        .whereLayer("cockpit").mayOnlyAccessLayers(
            "runtime", "backtest", "marketmaking", "journal", "gateway", "sbe-schemas")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .as("modules depend only downwards in the module map, and nothing depends on cli");

    /**
     * The decision core (book, factors, quoting, risk) runs identically live and in replay: it never touches a
     * transport, a journal, the command line, or the libraries behind them.
     */
    static final ArchRule DECISION_CORE_IS_PURE = noClasses()
        .that().resideInAnyPackage(ORDERBOOK, MICROSTRUCTURE, MARKETMAKING)
        .should().dependOnClassesThat().resideInAnyPackage(
            GATEWAY, JOURNAL, RUNTIME, BACKTEST, CLI, "io.aeron..", "net.openhft..", "com.lmax..", "picocli..")
        .as("orderbook, microstructure and marketmaking never import transport, journal or CLI code");

    /**
     * {@code feed serve}'s web server (Javalin on Jetty) is a test and demo tool, and the cockpit (Javalin, the Prometheus
     * client) is a process of its own beside the daemon: nothing the daemon runs may reach either, so their threads,
     * allocation and dependencies stay off the hot path. Only the CLI wires them.
     */
    static final ArchRule NO_WEB_SERVER_BELOW_THE_CLI = noClasses()
        .that().resideInAnyPackage(SBE, CLOCK, ORDERBOOK, MICROSTRUCTURE, MARKETMAKING, JOURNAL, GATEWAY, TUNING, RUNTIME,
            BACKTEST, PERF)
        .should().dependOnClassesThat().resideInAnyPackage(FEED_SERVE, COCKPIT, "io.javalin..", "org.eclipse.jetty..",
            "io.prometheus..")
        .as("only the CLI reaches feed serve, the cockpit and their web server");

    /**
     * Apache Spark and its classpath live in the research-spark module and its own JVM (docs/decisions/research-spark.md):
     * no other Ticklane class may use Spark. The cli starts that JVM as a process and never links to it. research-spark's
     * own test applies the same rule to the modules on its classpath.
     */
    static final ArchRule NO_SPARK_OUTSIDE_RESEARCH = noClasses()
        .that().resideOutsideOfPackage("io.ticklane.research.spark..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
        .as("only research-spark uses Apache Spark");

    /**
     * No cycles between any two packages of Ticklane, inside a module or across modules. The FIX codecs Artio generates
     * ({@code io.ticklane.fix44}: the dictionary uses its encoders and decoders, they use its enums) are not written
     * here and are exempt among themselves; a cycle between them and Ticklane's own code still fails.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
        .matching("io.ticklane.(**)")
        .should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage(FIX_CODECS), resideInAPackage(FIX_CODECS))
        .as("no cycles between Ticklane packages");

    private DependencyRules()
    {
    }
}
