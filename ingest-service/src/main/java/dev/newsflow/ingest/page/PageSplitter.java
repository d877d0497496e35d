package dev.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of an OCR'd newspaper page into its items using layout cues only: line length and final
 * punctuation (headlines are short and do not end a sentence; body paragraphs do), position (a deck follows a
 * headline; a caption sits next to a picture gap, a banner or a credit line), lead markers (本报讯…), credit
 * patterns (本报记者 X 摄) and section banners (a short title followed by its pinyin in capitals).
 * Paragraphs cut by the columns or by a caption are re-joined. Pure Java, thread-safe, never throws on text.
 */
public final class PageSplitter {

    static final int HEADLINE_MAX = 36;
    static final int CAPTION_MAX = 50;

    private static final Pattern BANNER = Pattern.compile(
            "^([\\p{IsHan}·]{2,10})\\s*([A-Z][A-Z]{2,}(?:\\s+[A-Z]{2,})*)$|^([A-Z]{3,}(?:\\s+[A-Z]{2,})*)\\s*([\\p{IsHan}·]{2,10})$");
    private static final Pattern INTERTITLE = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d{1,2}[、.．](?!\\d)|[■□◆◇●○▲△★☆▶►])");
    private static final Pattern FURNITURE = Pattern.compile(
            "^(?:(?:责任编辑|责编|美术编辑|美编|版式设计|版式|组版|校对|审读|审校|值班总编|编辑|图片编辑)\\s*[:：\\s].{0,40}"
                    + "|(?:责任编辑|责编|美术编辑|美编|校对)[\\p{IsHan}·]{2,4}"
                    + "|\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日(?:\\s*星期[一二三四五六日天])?(?:\\s+.{0,12})?"
                    + "|第?\\s*[A-Z]?\\d{1,3}\\s*版(?:\\s*.{0,8})?|[A-Z]?\\d{1,3}|[-—–_=*·\\s]+)$");
    private static final Pattern MASTHEAD = Pattern.compile("\\b(DAILY|NEWS|TIMES|EVENING|POST|JOURNAL|HERALD|GAZETTE)\\b");
    private static final Pattern INLINE_HEADLINE = Pattern.compile("^[【\\[]([^】\\]]{2,30})[】\\]]\\s*(.+)$");

    private enum Kind { BLANK_GAP, FURNITURE, BANNER, CREDIT, LEAD, HEADLINE, CAPTION, BODY }

    /** A non-empty line with the layout facts around it. */
    private record Line(String text, String match, boolean gapBefore, boolean gapAfter, int indent) {

        boolean indented() {
            return indent > 0;
        }

        /** Length on the page, counting the indentation. */
        int visualLength() {
            return text.codePointCount(0, text.length()) + indent;
        }
    }

    /**
     * Page-wide habits: whether paragraphs start indented (then an indented line is never a title), and the
     * width of hard-wrapped lines when the OCR kept the visual lines (then a full-width line is never a title).
     */
    private record Habits(boolean usesIndent, int wrapWidth) {

        static Habits of(List<Line> lines) {
            long indented = lines.stream().filter(Line::indented).count();
            boolean usesIndent = lines.size() >= 4 && indented * 10 >= lines.size() * 3
                    && indented < lines.size();
            Map<Integer, Integer> widths = new HashMap<>();
            for (Line l : lines) {
                int len = l.visualLength();
                if (len >= 8 && !Typography.endsSentence(l.text())) {
                    widths.merge(len, 1, Integer::sum);
                }
            }
            int width = 0;
            for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
                if (width == 0 || e.getValue() > widths.get(width)
                        || (e.getValue().equals(widths.get(width)) && e.getKey() > width)) {
                    width = e.getKey();
                }
            }
            int best = width == 0 ? 0 : widths.get(width) + widths.getOrDefault(width - 1, 0)
                    + widths.getOrDefault(width + 1, 0);
            boolean wrapped = best >= 5 && best * 10 >= lines.size() * 3;
            return new Habits(usesIndent, wrapped ? width : 0);
        }

        boolean fullLine(Line l) {
            return wrapWidth > 0 && Math.abs(l.visualLength() - wrapWidth) <= 1;
        }
    }

    public PageSplit split(String text, PageMetadata page) {
        PageMetadata meta = page == null ? PageMetadata.NONE : page;
        try {
            return doSplit(text == null ? "" : text, meta);
        } catch (RuntimeException e) {
            // never throw on text: the worst case is the whole page as one article with a warning
            String body = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
            List<SplitArticle> articles = body.isEmpty() ? List.of()
                    : List.of(new SplitArticle(SplitArticle.Kind.ARTICLE, null, null, null, null, List.of(), List.of(),
                            List.of(), body, false, List.of("page could not be split (" + e + "); kept whole")));
            return new PageSplit(meta, articles, List.of("splitter failed: " + e));
        }
    }

    private PageSplit doSplit(String text, PageMetadata meta) {
        List<String> pageWarnings = new ArrayList<>();
        List<Line> lines = lines(text, pageWarnings);
        Habits habits = Habits.of(lines);
        List<Kind> kinds = classify(lines, habits);
        Assembler asm = new Assembler(pageWarnings);
        String headerDate = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            switch (kinds.get(i)) {
                case FURNITURE, BLANK_GAP -> {
                    if (meta.edition() == null && headerDate == null) {
                        headerDate = headerDate(line.match());
                    }
                }
                case BANNER -> asm.banner(bannerName(line));
                case CREDIT -> asm.credit(Bylines.credit(line.text()), i > 0 && kinds.get(i - 1) == Kind.CAPTION,
                        photoItemEnds(kinds, i + 1));
                case CAPTION -> asm.caption(line.text(), captionBlockIsPhotoItem(kinds, i));
                case HEADLINE -> asm.headline(line.text(), habits.usesIndent() && !line.indented()
                        ? Assembler.Evidence.STRONG : headlineEvidence(lines, kinds, i));
                case LEAD -> asm.lead(line.text());
                case BODY -> {
                    Matcher inline = INLINE_HEADLINE.matcher(line.text());
                    if (inline.matches() && Typography.hanCount(inline.group(2)) > 10) {
                        asm.headline(inline.group(1).strip(), Assembler.Evidence.STRONG);
                        Bylines.Lead lead = Bylines.lead(inline.group(2));
                        if (lead != null) {
                            asm.lead(inline.group(2));
                        } else {
                            asm.body(inline.group(2), true);
                        }
                    } else if (INTERTITLE.matcher(line.text()).find() && !Typography.endsSentence(line.text())
                            && line.text().codePointCount(0, line.text().length()) <= HEADLINE_MAX) {
                        asm.intertitle(line.text());
                    } else {
                        asm.body(line.text(), habits.usesIndent() && line.indented());
                    }
                }
            }
        }
        List<SplitArticle> articles = asm.finishPage();
        if (articles.isEmpty() && !text.isBlank()) {
            pageWarnings.add("no article text found on the page");
        }
        if (headerDate != null) {
            // no edition given: the date in the page header is the publication date of every item
            meta = new PageMetadata(meta.source(), headerDate, meta.page());
            pageWarnings.add("edition date " + headerDate + " taken from the page header");
        }
        return new PageSplit(meta, articles, pageWarnings);
    }

    /**
     * What, besides its shape, says a line starts a new item: a lead or byline right after it, a deck under it,
     * a gap above it, or (for a short clause-free line) that it does not run on into the next line as one word.
     * Without any, a headline-shaped line after a finished paragraph is read as the start of a paragraph.
     */
    private static Assembler.Evidence headlineEvidence(List<Line> lines, List<Kind> kinds, int i) {
        Line line = lines.get(i);
        int next = nextContent(kinds, i + 1);
        if (next < 0 || line.gapBefore()) {
            return Assembler.Evidence.STRONG;
        }
        Kind k = kinds.get(next);
        if (k == Kind.LEAD || k == Kind.CREDIT || k == Kind.HEADLINE || k == Kind.BANNER) {
            return Assembler.Evidence.STRONG;
        }
        if (k == Kind.CAPTION || Typography.clauseMarks(line.text()) > 1
                || (Typography.clauseMarks(line.text()) == 1 && line.text().codePointCount(0, line.text().length()) > 22)) {
            return Assembler.Evidence.NONE;
        }
        return WordJunction.wordAcross(line.text(), lines.get(next).text()) ? Assembler.Evidence.NONE
                : Assembler.Evidence.WEAK;
    }

    // ---------------------------------------------------------------- lines and gaps

    private static final Pattern JUMP_IN = Pattern.compile(
            "^[（(]\\s*(?:上接|接上|承)第?\\s*([0-9０-９一二三四五六七八九十A-Za-z]{1,4})\\s*[版頁页][^）)]{0,8}[）)]\\s*");

    private static List<Line> lines(String text, List<String> warnings) {
        String[] raw = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n')
                .split("\n", -1);
        List<String> texts = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        List<Integer> blanksBefore = new ArrayList<>();
        int blanks = 0;
        for (String r : raw) {
            String t = r.replace('\u3000', ' ').replace('\u00A0', ' ').replace('\t', ' ').strip();
            Matcher jump = JUMP_IN.matcher(t);
            if (jump.find()) {
                // (上接第1版): the story started on another page; the text after the marker is its continuation
                warnings.add("text continued from page " + jump.group(1) + ": " + abbreviate(t.substring(jump.end())));
                t = t.substring(jump.end()).strip();
            }
            if (t.isEmpty()) {
                blanks++;
            } else {
                texts.add(t.replaceAll(" {2,}", " "));
                String lead = r.substring(0, r.length() - r.stripLeading().length());
                int indent = 0;
                int spaces = 0;
                for (char c : lead.toCharArray()) {
                    if (c == '\u3000') {
                        indent++;
                    } else if (c == '\t') {
                        indent += 2;
                    } else if (c == ' ' || c == '\u00A0') {
                        spaces++;
                    }
                }
                indents.add(indent + (spaces >= 2 ? spaces / 2 : 0));
                blanksBefore.add(texts.size() == 1 ? 0 : blanks);
                blanks = 0;
            }
        }
        // the usual separation between lines; more than usual marks a gap (a picture, a frame)
        Map<Integer, Integer> histogram = new HashMap<>();
        for (int i = 1; i < blanksBefore.size(); i++) {
            histogram.merge(blanksBefore.get(i), 1, Integer::sum);
        }
        // (the widest separation used between a good share of the lines: a page whose wrapped lines follow each
        // other directly still separates its paragraphs by a blank line, which is no gap)
        int transitions = Math.max(1, blanksBefore.size() - 1);
        int usual = histogram.entrySet().stream().filter(e -> e.getValue() * 100 >= transitions * 15)
                .mapToInt(Map.Entry::getKey).max().orElse(1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            boolean before = i > 0 && blanksBefore.get(i) > usual;
            boolean after = i + 1 < texts.size() && blanksBefore.get(i + 1) > usual;
            lines.add(new Line(texts.get(i), Typography.matchForm(texts.get(i)), before, after, indents.get(i)));
        }
        return lines;
    }

    // ---------------------------------------------------------------- classification

    private static List<Kind> classify(List<Line> lines, Habits habits) {
        List<Kind> kinds = new ArrayList<>(lines.size());
        for (Line line : lines) {
            Kind kind = intrinsicKind(line);
            if (kind == Kind.HEADLINE && ((habits.usesIndent() && line.indented()) || habits.fullLine(line))) {
                kind = Kind.BODY;
            }
            int i = kinds.size();
            if (kind == Kind.HEADLINE && i > 0 && (kinds.get(i - 1) == Kind.BODY || kinds.get(i - 1) == Kind.LEAD)
                    && habits.fullLine(lines.get(i - 1)) && !Typography.endsSentence(lines.get(i - 1).text())
                    && !line.gapBefore()) {
                kind = Kind.BODY; // the rest of a hard-wrapped line that filled the column
            }
            kinds.add(kind);
        }
        // captions: short single sentences that sit next to a picture gap, a banner or a credit line
        for (int i = 0; i < lines.size(); i++) {
            if (kinds.get(i) != Kind.BODY && kinds.get(i) != Kind.HEADLINE) {
                continue;
            }
            Line line = lines.get(i);
            boolean nextIsCredit = i + 1 < lines.size() && kinds.get(i + 1) == Kind.CREDIT;
            boolean nextIsPhotoCredit = nextIsCredit && Bylines.credit(lines.get(i + 1).text()).explicitPhoto();
            if (kinds.get(i) == Kind.HEADLINE) {
                // an unpunctuated short line is a caption, not a headline, when it sits above a photo credit,
                // between two picture gaps, or inside a paragraph that goes on after its credit
                boolean insideParagraph = nextIsCredit && previousParagraphOpen(lines, kinds, i)
                        && i + 2 < lines.size() && kinds.get(i + 2) == Kind.BODY;
                boolean afterPictureOfStory = line.gapBefore() && (previousIsCaptionOrClosingCredit(kinds, i)
                        || (i > 0 && kinds.get(i - 1) == Kind.BANNER));
                if (Typography.hanCount(line.text()) > 6 && (nextIsPhotoCredit || (line.gapBefore() && line.gapAfter())
                        || insideParagraph || afterPictureOfStory)) {
                    kinds.set(i, Kind.CAPTION);
                }
                continue;
            }
            if (!isCaptionShaped(line.text())) {
                continue;
            }
            if (i > 0 && (kinds.get(i - 1) == Kind.BODY || kinds.get(i - 1) == Kind.LEAD)
                    && habits.fullLine(lines.get(i - 1)) && !Typography.endsSentence(lines.get(i - 1).text())) {
                continue; // the end of a hard-wrapped paragraph, not a caption
            }
            boolean afterBanner = i > 0 && kinds.get(i - 1) == Kind.BANNER;
            boolean beforeCaptionAndCredit = i + 2 < lines.size() && isCaptionShaped(lines.get(i + 1).text())
                    && kinds.get(i + 2) == Kind.CREDIT;
            boolean previousIsCaption = i > 0 && kinds.get(i - 1) == Kind.CAPTION && line.gapBefore();
            if (nextIsCredit || line.gapBefore() || line.gapAfter() || afterBanner || beforeCaptionAndCredit
                    || previousIsCaption || trailsAClosedStory(lines, kinds, i)) {
                kinds.set(i, Kind.CAPTION);
            }
        }
        // a headline-shaped line is a headline only if a story can follow it
        for (int i = 0; i < lines.size(); i++) {
            if (kinds.get(i) != Kind.HEADLINE) {
                continue;
            }
            int next = nextContent(kinds, i + 1);
            if (next < 0) {
                kinds.set(i, Kind.BODY); // a last short line is the page cut mid-sentence, not a title
            }
        }
        return kinds;
    }

    /**
     * Short single sentences right after the credit that closes a story, up to the next headline, banner or lead:
     * the captions of the pictures around that story (when the OCR kept no picture gaps).
     */
    private static boolean trailsAClosedStory(List<Line> lines, List<Kind> kinds, int i) {
        int p = i - 1;
        while (p >= 0 && (kinds.get(p) == Kind.FURNITURE || kinds.get(p) == Kind.CAPTION)) {
            p--;
        }
        if (p < 1 || kinds.get(p) != Kind.CREDIT || (kinds.get(p - 1) != Kind.BODY && kinds.get(p - 1) != Kind.LEAD)) {
            return false;
        }
        int j = i;
        while (j < lines.size() && kinds.get(j) == Kind.BODY && isCaptionShaped(lines.get(j).text())) {
            j++;
        }
        return j >= lines.size() || kinds.get(j) == Kind.HEADLINE || kinds.get(j) == Kind.BANNER
                || kinds.get(j) == Kind.LEAD;
    }

    private static boolean previousParagraphOpen(List<Line> lines, List<Kind> kinds, int i) {
        int p = i - 1;
        while (p >= 0 && (kinds.get(p) == Kind.FURNITURE || kinds.get(p) == Kind.CAPTION)) {
            p--;
        }
        if (p < 0 || Typography.endsSentence(lines.get(p).text())) {
            return false;
        }
        String prev = lines.get(p).text();
        return kinds.get(p) == Kind.BODY || kinds.get(p) == Kind.LEAD
                || (kinds.get(p) == Kind.HEADLINE && (Typography.clauseMarks(prev) > 0 || prev.length() > 24));
    }

    private static boolean previousIsCaptionOrClosingCredit(List<Kind> kinds, int i) {
        int p = i - 1;
        while (p >= 0 && kinds.get(p) == Kind.FURNITURE) {
            p--;
        }
        return p >= 1 && (kinds.get(p) == Kind.CAPTION
                || (kinds.get(p) == Kind.CREDIT && (kinds.get(p - 1) == Kind.BODY || kinds.get(p - 1) == Kind.LEAD)));
    }

    private static Kind intrinsicKind(Line line) {
        String t = line.text();
        String m = line.match();
        if (FURNITURE.matcher(m).matches()) {
            return Kind.FURNITURE;
        }
        if (BANNER.matcher(m).matches()) {
            // the masthead (锦州日报 JINZHOU DAILY) names the paper, not a section
            return MASTHEAD.matcher(m).find() ? Kind.FURNITURE : Kind.BANNER;
        }
        if (Bylines.lead(t) != null) {
            return Kind.LEAD;
        }
        if (Bylines.credit(t) != null) {
            return Kind.CREDIT;
        }
        if (isHeadlineShaped(t)) {
            return Kind.HEADLINE;
        }
        return Kind.BODY;
    }

    static boolean isHeadlineShaped(String t) {
        int len = t.codePointCount(0, t.length());
        if (len < 2 || len > HEADLINE_MAX || Typography.startsLikeContinuation(t)) {
            return false;
        }
        if (INTERTITLE.matcher(t).find()) {
            return false;
        }
        if (Typography.hanCount(t) < 2 || Typography.clauseMarks(t) > 1 || t.contains("。")) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if ("、，,".indexOf(last) >= 0) {
            return false;
        }
        if (Typography.endsSentence(t)) {
            // an exclamation or question can be a title when short and clause-free
            return Typography.endsWithStrongStop(t) && !t.contains("。") && len <= 24
                    && Typography.clauseMarks(t) == 0 && "!！?？".indexOf(lastNonCloser(t)) >= 0;
        }
        return true;
    }

    static boolean isCaptionShaped(String t) {
        int len = t.codePointCount(0, t.length());
        return len >= 6 && len <= CAPTION_MAX && Typography.endsWithStrongStop(t) && Typography.innerStops(t) == 0
                && Typography.clauseMarks(t) <= 1 && !Typography.startsLikeContinuation(t);
    }

    private static char lastNonCloser(String t) {
        int i = t.length() - 1;
        while (i > 0 && "”\"'’」』)）】》".indexOf(t.charAt(i)) >= 0) {
            i--;
        }
        return t.charAt(i);
    }

    private static int nextContent(List<Kind> kinds, int from) {
        for (int i = from; i < kinds.size(); i++) {
            if (kinds.get(i) != Kind.FURNITURE && kinds.get(i) != Kind.BLANK_GAP) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the caption block starting at {@code i} (captions, then a credit) is a photo of its own: it has a
     * credit and what follows it starts something new (a headline, a banner, a lead, the end of the page).
     */
    private static boolean captionBlockIsPhotoItem(List<Kind> kinds, int i) {
        int j = i;
        while (j < kinds.size() && kinds.get(j) == Kind.CAPTION) {
            j++;
        }
        if (j >= kinds.size() || kinds.get(j) != Kind.CREDIT) {
            return false;
        }
        return photoItemEnds(kinds, j + 1);
    }

    private static boolean photoItemEnds(List<Kind> kinds, int from) {
        int next = nextContent(kinds, from);
        return next < 0 || kinds.get(next) == Kind.HEADLINE || kinds.get(next) == Kind.BANNER
                || kinds.get(next) == Kind.LEAD || kinds.get(next) == Kind.CAPTION;
    }

    private static final Pattern HEADER_DATE = Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

    private static String headerDate(String match) {
        Matcher m = HEADER_DATE.matcher(match);
        if (!m.find()) {
            return null;
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    private static String bannerName(Line line) {
        Matcher m = BANNER.matcher(line.match());
        if (m.matches()) {
            int g = m.group(1) != null ? 1 : 4;
            return line.text().substring(m.start(g), m.end(g));
        }
        return line.text();
    }
}
