package dev.newsflow.metrics.store;

import dev.newsflow.events.RegionLevel;
import java.util.LinkedHashSet;
import java.util.Set;

/** GB/T 2260 roll-up: county {@code 210726} → city {@code 210700} → province {@code 210000}. */
public final class Regions {

    private Regions() {
    }

    public static boolean isCode(String code) {
        return code != null && code.length() == 6 && code.chars().allMatch(Character::isDigit) && !code.startsWith("00");
    }

    /** The code itself and every level above it; empty when the code is not a 6-digit division code. */
    public static Set<String> rollUp(String code) {
        Set<String> codes = new LinkedHashSet<>();
        if (code == null || code.length() < 6) {
            return codes;
        }
        String six = code.substring(0, 6);
        if (!isCode(six)) {
            return codes;
        }
        codes.add(six);
        codes.add(six.substring(0, 4) + "00");
        codes.add(six.substring(0, 2) + "0000");
        return codes;
    }

    public static RegionLevel level(String code) {
        if (code.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return code.endsWith("00") ? RegionLevel.CITY : RegionLevel.COUNTY;
    }
}
