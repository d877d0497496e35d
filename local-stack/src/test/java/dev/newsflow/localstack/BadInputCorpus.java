package dev.newsflow.localstack;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bad and awkward input for every HTTP entry point, as feeds really send it. Each case says what a well-behaved
 * platform answers: a 4xx problem+json with a reason, or 202 for input that is odd but legitimate.
 */
final class BadInputCorpus {

    record Case(String name, String method, String path, String contentType, byte[] body, int... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputCorpus() {
    }

    static List<Case> http() {
        List<Case> cases = new ArrayList<>();
        String json = "application/json";
        String articles = "/api/v1/articles";
        String pages = "/api/v1/pages?source=it&edition=2024-06-03&page=1";
        // malformed and wrongly typed JSON
        cases.add(c("truncated JSON", articles, json, "{\"body\": \"锦州", 400));
        cases.add(c("empty request body", articles, json, "", 400));
        cases.add(c("empty object", articles, json, "{}", 400));
        cases.add(c("body null", articles, json, "{\"body\": null}", 400));
        cases.add(c("body empty string", articles, json, "{\"body\": \"\"}", 400));
        cases.add(c("body only whitespace", articles, json, "{\"body\": \"  \\n\\t \"}", 400));
        cases.add(c("body is a number", articles, json, "{\"body\": 123}", 400));
        cases.add(c("body is an array", articles, json, "{\"body\": [\"a\"]}", 400));
        cases.add(c("body is an object", articles, json, "{\"body\": {\"text\": \"a\"}}", 400));
        cases.add(c("title is an object", articles, json, "{\"title\": {\"$gt\": \"\"}, \"body\": \"正文\"}", 400));
        cases.add(c("publishedAt not a date", articles, json, "{\"body\": \"正文\", \"publishedAt\": \"yesterday\"}", 400));
        cases.add(c("publishedAt impossible date", articles, json, "{\"body\": \"正文\", \"publishedAt\": \"2022-13-45\"}", 400));
        cases.add(c("JSON null", articles, json, "null", 400));
        cases.add(c("JSON string", articles, json, "\"正文\"", 400));
        cases.add(c("JSON number", articles, json, "42", 400));
        cases.add(c("trailing garbage", articles, json, "{\"body\": \"正文\"} xyz", 400));
        cases.add(c("single quotes", articles, json, "{'body': '正文'}", 400));
        cases.add(c("duplicate body field", articles, json, "{\"body\": \"一\", \"body\": \"二\"}", 400, 202));
        cases.add(new Case("invalid UTF-8", "POST", articles, json, concat("{\"body\": \"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(new Case("GBK bytes declared as UTF-8", "POST", articles, json,
                "{\"body\": \"锦州市举行招聘会\"}".getBytes(Charset.forName("GBK")), 400));
        cases.add(new Case("GBK bytes with charset declared", "POST", articles, "application/json; charset=GBK",
                "{\"body\": \"锦州市举行招聘会,共有136家企业参会。\"}".getBytes(Charset.forName("GBK")), 202));
        cases.add(new Case("Big5 bytes with charset declared", "POST", articles, "application/json; charset=Big5",
                "{\"body\": \"錦州市舉行招聘會,共有136家企業參會。\"}".getBytes(Charset.forName("Big5")), 202));
        cases.add(new Case("binary", "POST", articles, json, new byte[] {0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G', 0, 0}, 400));
        cases.add(c("NUL in body", articles, json, "{\"body\": \"锦州\\u0000市\"}", 400, 202));
        cases.add(c("control characters in title", articles, json, "{\"title\": \"\\u0007\\u001b[31m红\", \"body\": \"正文内容。\"}", 400, 202));
        cases.add(c("emoji and non-BMP characters", articles, json,
                "{\"body\": \"😀本报讯 记者王立军报道 𠀀锦州市举行招聘会,共有136家企业参会。🎉\"}", 202));
        cases.add(c("HTML body", articles, json,
                "{\"body\": \"<p>锦州市举行<b>招聘会</b>,共有136家企业参会。</p><script>alert(1)</script>\"}", 202));
        cases.add(c("script injection in title", articles, json,
                "{\"title\": \"<script>alert('x')</script>\", \"body\": \"锦州市举行招聘会。\"}", 202));
        cases.add(c("mongo operator as source", articles, json, "{\"source\": \"$where\", \"body\": \"锦州市举行招聘会。\"}", 202, 400));
        cases.add(c("200,000 characters without punctuation", articles, json,
                "{\"body\": \"" + "锦州市".repeat(66_667) + "\"}", 202, 413));
        cases.add(new Case("10 MB body", "POST", articles, json, tenMegabytes(), 413));
        // content types
        cases.add(c("XML", articles, "application/xml", "<article><body>正文</body></article>", 415));
        cases.add(c("form", articles, "application/x-www-form-urlencoded", "body=x", 415));
        cases.add(c("no content type", articles, null, "{\"body\": \"正文\"}", 415, 400));
        // NDJSON batches
        String ndjson = "application/x-ndjson";
        cases.add(c("NDJSON empty", articles, ndjson, "", 400));
        cases.add(c("NDJSON only blank lines", articles, ndjson, "\n\n  \n", 400));
        cases.add(c("NDJSON one bad line", articles, ndjson, "{\"body\": \"一\"}\n{\"body\": \n{\"body\": \"三\"}\n", 400));
        cases.add(c("NDJSON line without body", articles, ndjson, "{\"body\": \"一\"}\n{\"title\": \"二\"}\n", 400));
        cases.add(c("NDJSON with a JSON array line", articles, ndjson, "[{\"body\": \"一\"}]\n", 400));
        // pages
        String text = "text/plain; charset=UTF-8";
        cases.add(c("page empty", pages, text, "", 400));
        cases.add(c("page whitespace only", pages, text, " \r\n\r\n \t", 400));
        cases.add(c("page with bad edition", "/api/v1/pages?source=it&edition=13/45/2022", text, "标题\n\n本报讯 正文。", 400));
        cases.add(c("page as JSON", pages, json, "{\"text\": \"x\"}", 415));
        cases.add(new Case("page binary", "POST", pages, text, new byte[] {0, 0, 0, 1, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 400));
        cases.add(c("page with CRLF and full-width punctuation", pages, text,
                "锦州举办招聘会\r\n\r\n本报讯　记者王立军报道　２月２５日，太和区举办春季招聘会，共有１３６家企业参会。\r\n", 202));
        // methods and paths
        cases.add(new Case("DELETE an article", "DELETE", "/api/v1/articles/abc", null, new byte[0], 401, 403, 404, 405));
        cases.add(new Case("path traversal", "GET", "/api/v1/articles/..%2F..%2Fadmin", null, new byte[0], 400, 404));
        cases.add(new Case("id with operator", "GET", "/api/v1/articles/%24gt", null, new byte[0], 400, 404));
        cases.add(new Case("entity filter with operator", "GET", "/api/v1/articles?entity=%7B%22%24ne%22%3A1%7D", null, new byte[0], 400, 200));
        cases.add(new Case("unknown entity type", "GET", "/api/v1/entities/top?type=ANIMAL", null, new byte[0], 400));
        cases.add(new Case("negative limit", "GET", "/api/v1/entities/top?limit=-5", null, new byte[0], 400));
        cases.add(new Case("huge page size", "GET", "/api/v1/articles?size=100000000", null, new byte[0], 400));
        cases.add(new Case("bad from date", "GET", "/api/v1/articles?from=last-week", null, new byte[0], 400));
        return cases;
    }

    private static Case c(String name, String path, String contentType, String body, int... expected) {
        return new Case(name, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static byte[] tenMegabytes() {
        byte[] prefix = "{\"body\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[10 * 1024 * 1024];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        java.util.Arrays.fill(bytes, prefix.length, bytes.length - 2, (byte) 'a');
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '}';
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Records a feed could put straight on news.articles.raw; none may stop the consumer. */
    static List<byte[]> rawTopic() {
        List<byte[]> records = new ArrayList<>();
        for (String s : List.of("not json", "{\"schemaVersion\":1,\"body\":", "{\"schemaVersion\":1}", "{\"schemaVersion\":1,\"body\":42}",
                "[]", "null", "{\"schemaVersion\":1,\"body\":\"\"}", "{\"schemaVersion\":1,\"body\":\"正文\",\"ingestedAt\":\"yesterday\"}")) {
            records.add(s.getBytes(StandardCharsets.UTF_8));
        }
        records.add(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        records.add(new byte[0]);
        return records;
    }
}
