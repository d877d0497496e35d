package dev.newsflow.ingest.cli;

import java.io.PrintStream;

/** Command dispatch for {@code split} and {@code ingest}, which run without any Spring context. */
public final class Cli {

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("split") || args[0].equals("ingest"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("not implemented yet");
        return 2;
    }
}
