package dev.newsflow.nlp.cli;

/** {@code newsflow analyze FILE...}: prints the EnrichedArticle JSON of each file. */
public final class AnalyzeCommand {

    private AnalyzeCommand() {
    }

    public static int run(String[] args) {
        System.err.println("analyze: not implemented yet");
        return 2;
    }
}
