package dev.newsflow.nlp;

import dev.newsflow.nlp.cli.AnalyzeCommand;
import dev.newsflow.nlp.ner.EvalNerCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The NLP service; {@code analyze FILE...} and {@code eval-ner FILE.jsonl} run as commands without any infrastructure. */
@SpringBootApplication
public class NlpApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("analyze")) {
            System.exit(AnalyzeCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("eval-ner")) {
            System.exit(EvalNerCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(NlpApplication.class, args);
    }
}
