package dev.newsflow.nlp.ner;

import com.hankcs.hanlp.dictionary.other.CharTable;

/** HanLP's one-to-one character normalisation (CharTable), applied identically in training and inference. */
public final class NerText {

    private NerText() {
    }

    public static char[] normalize(String text) {
        char[] table = CharTable.CONVERT;
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            char n = table[c];
            out[i] = n == 0 ? c : n;
        }
        return out;
    }
}
