package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane research catalog DIR}: the catalogue of the journals under a directory, run in the research JVM
 * ({@link ResearchJvm}).
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
        "List the journals under DIR (any depth): instrument, source (venue, market, files), first and last inbound",
        "receive time, records, L2/L3 sequence gaps and refused frames, and the journal hash backtest reports carry.",
        "Prints a table and writes it as Parquet (default DIR/catalog.parquet), the input of research sweep.",
        "Runs in a separate JVM with Spark (research-spark); exit codes 0 ok, 2 bad usage or input or no research jars."
    })
public final class ResearchCatalogCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory holding imported journals: a path, or a URI " +
        "of a Hadoop-compatible file system (hdfs://, s3a://, file:...), whose journals are copied to a local cache to be read.")
    private String dir;

    @Option(names = "--out", paramLabel = "PATH", description = "Parquet table to write (default: DIR/catalog.parquet).")
    private String out;

    @Option(names = "--home", paramLabel = "DIR", description = "Ticklane checkout with the research jars built " +
        "(default: $TICKLANE_HOME, else the checkout of this cli).")
    private Path home;

    public Integer call() throws Exception
    {
        final Path checkout = ResearchJvm.home(home);
        final List<String> args = new ArrayList<>(List.of("catalog", ResearchJvm.location(dir)));
        if (null != out)
        {
            args.add("--out");
            args.add(ResearchJvm.location(out));
        }
        return ResearchJvm.run(checkout, args, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
