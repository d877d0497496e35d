package dev.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void sameContentGivesSameId() {
        String a = ArticleIds.of("标题", "正文 内容", null, null);
        String b = ArticleIds.of(" 标题 ", "正文   内容\n", null, null);
        assertThat(a).isEqualTo(b);
        assertThat(ArticleIds.isValid(a)).isTrue();
    }

    @Test
    void differentBodyGivesDifferentId() {
        assertThat(ArticleIds.of("标题", "正文一", null, null)).isNotEqualTo(ArticleIds.of("标题", "正文二", null, null));
    }

    @Test
    void sourceAndUrlWinOverContent() {
        String a = ArticleIds.of("旧标题", "旧正文", "jzrb", "https://example.org/a/1");
        String b = ArticleIds.of("新标题", "改过的正文", "jzrb", "https://example.org/a/1");
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(ArticleIds.of("旧标题", "旧正文", "other", "https://example.org/a/1"));
    }

    @Test
    void urlWithoutSourceFallsBackToContent() {
        assertThat(ArticleIds.of("t", "b", null, "https://example.org/x"))
                .isEqualTo(ArticleIds.of("t", "b", null, null));
    }

    @Test
    void rejectsMalformedIds() {
        assertThat(ArticleIds.isValid("xyz")).isFalse();
        assertThat(ArticleIds.isValid(null)).isFalse();
        assertThat(ArticleIds.isValid("ABCDEF0123456789abcdef01")).isFalse();
    }
}
