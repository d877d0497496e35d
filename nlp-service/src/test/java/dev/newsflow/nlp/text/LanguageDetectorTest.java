package dev.newsflow.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            锦州市上半年发放担保贷款6.43亿元,同比增长124.83%。                  | zh
            锦州GDP增长, 2022 Jinzhou Daily JIAOBU 锦州脚步 民俗文化节在义县开幕 | zh
            錦州市上半年發放擔保貸款6.43億元,同比增長124.83%。                  | zh-Hant
            The city issued loans of 643 million yuan in the first half.       | en
            東京都は今日、新しい計画を発表しました。                              | other
            서울시는 오늘 새로운 계획을 발표했다.                                 | other
            La ville a publié un nouveau plan aujourd'hui pour les habitants.   | other
            12345 , 678.9 %                                                    | und
            """)
    void tellsTheLanguageFromScripts(String text, String language) {
        assertThat(detector.detect(text)).isEqualTo(language);
    }
}
