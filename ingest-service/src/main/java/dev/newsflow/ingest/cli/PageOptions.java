package dev.newsflow.ingest.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments {@code split} and {@code ingest} share: files and the page metadata {@code --source},
 * {@code --edition}, {@code --page}. {@code error} is set when the arguments cannot be read.
 */
record PageOptions(List<String> files, String source, String edition, String page, boolean help, String error) {

    static PageOptions parse(String[] args) {
        List<String> files = new ArrayList<>();
        String source = null;
        String edition = null;
        String page = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new PageOptions(files, source, edition, page, true, null);
                }
                case "--source", "--edition", "--page" -> {
                    if (i + 1 >= args.length) {
                        return failed(a + " needs a value");
                    }
                    String v = args[++i];
                    if (a.equals("--source")) {
                        source = v;
                    } else if (a.equals("--edition")) {
                        edition = v;
                    } else {
                        page = v;
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        return failed("unknown option " + a);
                    }
                    files.add(a);
                }
            }
        }
        return new PageOptions(List.copyOf(files), source, edition, page, false, null);
    }

    private static PageOptions failed(String error) {
        return new PageOptions(List.of(), null, null, null, false, error);
    }
}
