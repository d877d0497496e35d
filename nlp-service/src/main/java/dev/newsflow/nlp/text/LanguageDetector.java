package dev.newsflow.nlp.text;

import com.hankcs.hanlp.dictionary.other.CharTable;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the language of a text from its scripts: {@code zh} (simplified Chinese), {@code zh-Hant} (traditional:
 * at least 10% of its Han characters have a different simplified form), {@code en} (Latin script with English
 * function words), {@code other} (another language: Japanese kana, Korean hangul, Cyrillic, Latin without English
 * function words...), {@code und} (no letters at all). Chinese needs Han characters to make at least 30% of the
 * letters and Japanese kana less than 10% of them. Stateless and thread-safe.
 */
public final class LanguageDetector {

    public static final String CHINESE = "zh";
    public static final String TRADITIONAL_CHINESE = "zh-Hant";
    public static final String ENGLISH = "en";
    public static final String OTHER = "other";
    public static final String UNDETERMINED = "und";

    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "in", "is", "for", "on",
            "that", "with", "was", "are", "by", "as", "it", "from", "at", "this", "be", "has", "have", "said");
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    public String detect(String text) {
        if (text == null) {
            return UNDETERMINED;
        }
        int han = 0;
        int traditional = 0;
        int kana = 0;
        int latin = 0;
        int otherLetters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextNormalizer.isHan(c)) {
                han++;
                char simplified = CharTable.convert(c);
                if (simplified != c && TextNormalizer.isHan(simplified)) {
                    traditional++;
                }
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\uFF21' && c <= '\uFF5A')) {
                latin++;
            } else if (c >= '\u3040' && c <= '\u30FF') {
                kana++;
            } else if (Character.isLetter(c)) {
                otherLetters++;
            }
        }
        int letters = han + latin + kana + otherLetters;
        if (letters == 0) {
            return UNDETERMINED;
        }
        if (han * 10 >= letters * 3 && kana * 10 < letters) {
            return traditional * 10 >= han ? TRADITIONAL_CHINESE : CHINESE;
        }
        if (latin * 2 > letters && looksEnglish(text)) {
            return ENGLISH;
        }
        return OTHER;
    }

    private static boolean looksEnglish(String text) {
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        int words = 0;
        int function = 0;
        while (m.find() && words < 2000) {
            words++;
            if (ENGLISH_WORDS.contains(m.group())) {
                function++;
            }
        }
        return words > 0 && (function * 10 >= words || words < 4);
    }

    public static boolean isChinese(String language) {
        return CHINESE.equals(language) || TRADITIONAL_CHINESE.equals(language);
    }
}
