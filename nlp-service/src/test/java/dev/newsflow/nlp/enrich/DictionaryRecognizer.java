package dev.newsflow.nlp.enrich;

import dev.newsflow.events.EntityType;
import dev.newsflow.nlp.ner.EntityRecognizer;
import dev.newsflow.nlp.ner.NerSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deterministic recognizer for tests: tags every occurrence of the given names, longest first, no overlaps. */
public final class DictionaryRecognizer implements EntityRecognizer {

    private final Map<String, EntityType> names = new LinkedHashMap<>();

    public DictionaryRecognizer with(EntityType type, String... words) {
        for (String w : words) {
            names.put(w, type);
        }
        return this;
    }

    public static DictionaryRecognizer jinzhou() {
        return new DictionaryRecognizer()
                .with(EntityType.LOCATION, "锦州市", "锦州", "义县", "辽宁省", "七里河村", "大榆树堡镇", "朝阳", "北京")
                .with(EntityType.PERSON, "崔治", "顾宝奎", "毕存仁")
                .with(EntityType.ORGANIZATION, "锦州铁工养路设备有限公司", "锦州市总工会");
    }

    @Override
    public List<NerSpan> recognize(String text) {
        List<String> ordered = names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        boolean[] taken = new boolean[text.length()];
        List<NerSpan> spans = new ArrayList<>();
        for (String name : ordered) {
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                boolean free = true;
                for (int k = i; k < i + name.length(); k++) {
                    free &= !taken[k];
                }
                if (free) {
                    for (int k = i; k < i + name.length(); k++) {
                        taken[k] = true;
                    }
                    spans.add(new NerSpan(i, i + name.length(), names.get(name)));
                }
            }
        }
        spans.sort(Comparator.comparingInt(NerSpan::start));
        return spans;
    }

    @Override
    public String modelVersion() {
        return "test-dictionary";
    }
}
