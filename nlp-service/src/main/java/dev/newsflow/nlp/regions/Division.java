package dev.newsflow.nlp.regions;

import dev.newsflow.events.RegionLevel;

/**
 * One administrative division: 6-digit GB/T 2260 code for provinces, cities and counties, 9-digit code for towns.
 *
 * @param parentCode the enclosing division, {@code null} for a province
 */
public record Division(String code, String name, RegionLevel level, String parentCode) {
}
