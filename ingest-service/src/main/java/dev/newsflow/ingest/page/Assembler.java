package dev.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;

/** Builds the items of a page from its classified lines, in reading order. Not thread-safe: one per split. */
final class Assembler {

    private final List<String> pageWarnings;
    private final List<SplitArticle> done = new ArrayList<>();
    private final List<String> pendingCaptions = new ArrayList<>();
    private String section;
    private Draft current;

    Assembler(List<String> pageWarnings) {
        this.pageWarnings = pageWarnings;
    }

    private static final class Draft {
        final List<String> headlines = new ArrayList<>();
        final List<StringBuilder> paragraphs = new ArrayList<>();
        final List<String> reporters = new ArrayList<>();
        final List<String> photographers = new ArrayList<>();
        final List<String> captions = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final String section;
        final boolean photo;
        String dateline;
        boolean closedByCredit;
        boolean credited;
        String continuesOn;
        boolean intertitleLast;
        int intertitles;
        boolean bylined;

        Draft(String section, boolean photo) {
            this.section = section;
            this.photo = photo;
        }

        boolean hasBody() {
            return !paragraphs.isEmpty();
        }

        boolean openParagraph() {
            return hasBody() && !intertitleLast
                    && !Typography.endsSentence(paragraphs.get(paragraphs.size() - 1).toString());
        }
    }

    /** How strongly the context says a headline-shaped line starts a new item. */
    enum Evidence { STRONG, WEAK, NONE }

    /** A title inside a story (一、找准路子): a paragraph of its own, never joined with the text after it. */
    void intertitle(String text) {
        if (current == null || current.closedByCredit || current.photo) {
            start(false).warnings.add("no headline found; the text starts with: " + abbreviate(text));
        }
        current.paragraphs.add(new StringBuilder(text));
        current.intertitleLast = true;
        current.intertitles++;
    }

    void banner(String name) {
        finish();
        section = name;
    }

    /**
     * A headline-shaped line. It starts a new item unless a story is running with a finished last paragraph, no
     * credit closing it, and {@code evidence} (see the splitter) is missing: then it is the start of a paragraph.
     */
    void headline(String text, Evidence evidence) {
        boolean storyRunning = current != null && !current.photo && current.hasBody() && !current.closedByCredit
                && !current.openParagraph();
        if (storyRunning && evidence == Evidence.NONE) {
            body(text);
            return;
        }
        if (storyRunning && evidence == Evidence.WEAK && current.intertitles > 0) {
            // a story that already has numbered intertitles runs on: a title-like line inside it is one more
            intertitle(text);
            return;
        }
        if (current != null && !current.photo && !current.headlines.isEmpty() && !current.hasBody()
                && !current.credited && current.headlines.size() < 3) {
            current.headlines.add(text);
            return;
        }
        start(false).headlines.add(text);
    }

    void lead(String text) {
        Bylines.Lead lead = Bylines.lead(text);
        if (current == null || current.photo || current.hasBody() || current.closedByCredit) {
            start(false);
        }
        if (current.dateline == null) {
            current.dateline = lead.dateline();
        }
        current.bylined = true;
        current.intertitleLast = false;
        addAll(current.reporters, lead.reporters());
        String rest = jumps(text.substring(Math.min(lead.bodyStart(), text.length())).strip());
        if (!rest.isEmpty()) {
            current.paragraphs.add(new StringBuilder(rest));
        }
    }

    void credit(Bylines.Credit credit, boolean afterCaption, boolean endsItem) {
        if (current == null) {
            pageWarnings.add("credit line outside any article: " + String.join(" ", credit.all()));
            return;
        }
        current.credited = true;
        if (afterCaption) {
            addAll(current.photographers, credit.all());
            if (current.photo && endsItem) {
                finish();
            }
        } else if (!current.hasBody()) {
            addAll(current.reporters, credit.reporters());
            addAll(current.photographers, credit.photographers());
            current.bylined = true;
        } else {
            addAll(current.reporters, credit.reporters());
            addAll(current.photographers, credit.photographers());
            current.closedByCredit = true;
        }
    }

    void caption(String text, boolean photoItem) {
        if (photoItem) {
            if (current == null || !current.photo || current.credited) {
                start(true);
            }
            current.captions.add(text);
        } else if (current != null && !current.photo) {
            current.captions.add(text);
        } else {
            if (current != null && current.photo) {
                current.captions.add(text);
            } else {
                pendingCaptions.add(text);
            }
        }
    }

    void body(String text) {
        body(text, false);
    }

    /** A body line; {@code newParagraph} when the layout says it starts a paragraph (an indented line). */
    void body(String text, boolean newParagraph) {
        if (current == null || current.closedByCredit || current.photo) {
            start(false).warnings.add("no headline found; the text starts with: " + abbreviate(text));
        }
        text = jumps(text);
        if (text.isEmpty()) {
            return;
        }
        boolean join = current.openParagraph() && !newParagraph;
        current.intertitleLast = false;
        if (join) {
            StringBuilder last = current.paragraphs.get(current.paragraphs.size() - 1);
            String joined = Typography.join(last.toString(), text);
            last.setLength(0);
            last.append(joined);
        } else {
            current.paragraphs.add(new StringBuilder(text));
        }
    }

    List<SplitArticle> finish() {
        if (current != null) {
            SplitArticle article = build(current);
            if (article != null) {
                done.add(article);
            }
            current = null;
        }
        return done;
    }

    /** Finishes the page: captions left over go to the last item. */
    List<SplitArticle> finishPage() {
        if (!pendingCaptions.isEmpty()) {
            if (current != null) {
                current.captions.addAll(pendingCaptions);
            } else {
                start(true);
                current.captions.addAll(pendingCaptions);
            }
            pendingCaptions.clear();
        }
        return finish();
    }

    private Draft start(boolean photo) {
        finish();
        current = new Draft(section, photo);
        if (!photo && !pendingCaptions.isEmpty()) {
            current.captions.addAll(pendingCaptions);
            pendingCaptions.clear();
        }
        return current;
    }

    private static SplitArticle build(Draft d) {
        List<String> paragraphs = new ArrayList<>(d.paragraphs.stream().map(StringBuilder::toString).map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        List<String> reporters = new ArrayList<>(d.reporters);
        if (!paragraphs.isEmpty()) {
            java.util.Map.Entry<String, List<String>> credit = Bylines.trailingCredit(paragraphs.get(paragraphs.size() - 1));
            if (credit != null) {
                paragraphs.set(paragraphs.size() - 1, credit.getKey());
                addAll(reporters, credit.getValue());
            }
        }
        if (d.headlines.isEmpty() && paragraphs.isEmpty() && d.captions.isEmpty()) {
            return null;
        }
        List<String> warnings = new ArrayList<>(d.warnings);
        String headline = null;
        String subheadline = null;
        List<String> h = d.headlines;
        if (h.size() == 1) {
            headline = h.get(0);
        } else if (h.size() == 2) {
            // the second line is the deck unless the first is clearly shorter: a kicker above the title
            if (isDeck(h.get(1)) || length(h.get(0)) * 14 > length(h.get(1)) * 10) {
                headline = h.get(0);
                subheadline = h.get(1);
            } else {
                headline = h.get(1);
                subheadline = h.get(0); // a shorter line above the title: the kicker
            }
        } else if (h.size() >= 3) {
            headline = h.get(1);
            subheadline = h.get(2);
            warnings.add("kicker above the headline: " + h.get(0));
        }
        boolean photo = d.photo || (paragraphs.isEmpty() && !d.captions.isEmpty());
        String body = String.join("\n", paragraphs);
        boolean truncated = false;
        if (photo) {
            if (body.isEmpty()) {
                body = String.join("\n", d.captions);
            }
            if (headline == null) {
                headline = stripStop(d.captions.get(0));
            }
        } else if (!paragraphs.isEmpty()) {
            truncated = !Typography.endsSentence(paragraphs.get(paragraphs.size() - 1)) || d.continuesOn != null;
            if (d.continuesOn != null) {
                warnings.add("the text continues on page " + d.continuesOn);
            } else if (truncated) {
                warnings.add("the text runs off the page: the last paragraph stops mid-sentence");
            }
        } else {
            warnings.add("headline without any text");
        }
        return new SplitArticle(photo ? SplitArticle.Kind.PHOTO : SplitArticle.Kind.ARTICLE, headline, subheadline,
                d.section, d.dateline, reporters, d.photographers, d.captions, body, truncated, warnings);
    }

    private static boolean isDeck(String line) {
        return Typography.clauseMarks(line) > 0 || line.startsWith("—") || line.startsWith("-")
                || line.chars().anyMatch(Character::isDigit);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String stripStop(String caption) {
        return caption.replaceAll("[。．.!！]+$", "");
    }

    private static void addAll(List<String> target, List<String> names) {
        for (String n : names) {
            if (!target.contains(n)) {
                target.add(n);
            }
        }
    }

    private static final java.util.regex.Pattern JUMP_OUT = java.util.regex.Pattern.compile(
            "[（(]\\s*(?:下转|轉|转|接)(?:第|第\\s)?\\s*([0-9０-９一二三四五六七八九十A-Za-z]{1,4})\\s*[版頁页][^）)]{0,8}[）)]\\s*$");
    private static final java.util.regex.Pattern JUMP_IN = java.util.regex.Pattern.compile(
            "^[（(]\\s*(?:上接|接上|承)(?:第)?\\s*([0-9０-９一二三四五六七八九十A-Za-z]{1,4})\\s*[版頁页][^）)]{0,8}[）)]\\s*");

    /** Removes jump lines (下转第2版 / 上接第1版) and notes them on the current item. */
    private String jumps(String text) {
        java.util.regex.Matcher out = JUMP_OUT.matcher(text);
        if (out.find()) {
            current.continuesOn = out.group(1);
            text = text.substring(0, out.start()).strip();
        }
        java.util.regex.Matcher in = JUMP_IN.matcher(text);
        if (in.find()) {
            current.warnings.add("continued from page " + in.group(1));
            text = text.substring(in.end()).strip();
        }
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
