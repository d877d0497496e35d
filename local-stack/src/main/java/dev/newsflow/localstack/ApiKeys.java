package dev.newsflow.localstack;

/** Reads the NEWSFLOW_API_KEYS format: {@code key:scope+scope,key2:scope}. */
final class ApiKeys {

    private ApiKeys() {
    }

    /** The first key allowed to ingest (scope {@code scope} or {@code admin}), or null. */
    static String firstKeyWithScope(String apiKeys, String scope) {
        for (String entry : apiKeys.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length == 2) {
                for (String granted : parts[1].split("\\+")) {
                    if (granted.strip().equals(scope) || granted.strip().equals("admin")) {
                        return parts[0].strip();
                    }
                }
            }
        }
        return null;
    }
}
