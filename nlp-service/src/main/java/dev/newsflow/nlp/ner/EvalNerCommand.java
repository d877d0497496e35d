package dev.newsflow.nlp.ner;

/** {@code newsflow eval-ner FILE.jsonl}: span-level precision, recall and F1 per type. */
public final class EvalNerCommand {

    private EvalNerCommand() {
    }

    public static int run(String[] args) {
        System.err.println("eval-ner: not implemented yet");
        return 2;
    }
}
