package dev.newsflow.metrics.query;

/** An entity and how many articles mention it (each article counted once per entity). */
public record EntityCount(String name, String type, long count) {
}
