package dev.newsflow.ingest.cli;

import java.io.PrintStream;
import java.util.Map;

final class IngestCommand {
    private IngestCommand() {
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return 2;
    }
}
