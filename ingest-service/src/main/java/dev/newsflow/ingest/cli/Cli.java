package dev.newsflow.ingest.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Command dispatch for {@code split} and {@code ingest}, which run without any Spring context. */
public final class Cli {

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("split") || args[0].equals("ingest"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "split" -> SplitCommand.run(rest, out, err);
            case "ingest" -> IngestCommand.run(rest, System.getenv(), out, err);
            default -> 2;
        };
    }
}
