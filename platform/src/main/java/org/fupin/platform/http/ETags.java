package org.fupin.platform.http;

import jakarta.ws.rs.core.EntityTag;
import org.fupin.platform.problem.ApiProblem;

import java.util.ArrayList;
import java.util.List;

/** Optimistic concurrency over HTTP: the ETag is the aggregate version; updates must send it back in If-Match. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * If-Match as RFC 9110 §13.1.1 defines it: {@code *}, or a comma-separated list of entity tags of which one must
     * match the current one by strong comparison. A weak tag ({@code W/"3"}) never matches; neither does an unquoted
     * value.
     *
     * @throws ApiProblem 428 when If-Match is missing, 412 when no listed tag names the current version, 400 when the
     *                    header is not a list of entity tags
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired("If-Match");
        }
        if (ifMatch.trim().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (Tag tag : parse(ifMatch)) {
            if (!tag.weak() && tag.opaque().equals(current)) {
                return;
            }
        }
        throw ApiProblem.staleVersion(currentVersion);
    }

    record Tag(boolean weak, String opaque) {
    }

    /** {@code #entity-tag}: empty list elements are allowed, anything else outside quotes is not. */
    static List<Tag> parse(String header) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = false;
            if (header.startsWith("W/", i)) {
                weak = true;
                i += 2;
            }
            if (i >= n || header.charAt(i) != '"') {
                throw malformed();
            }
            int end = header.indexOf('"', i + 1);
            if (end < 0) {
                throw malformed();
            }
            String opaque = header.substring(i + 1, end);
            if (!opaque.chars().allMatch(ch -> ch == 0x21 || (ch >= 0x23 && ch <= 0x7e) || ch >= 0x80)) {
                throw malformed();
            }
            tags.add(new Tag(weak, opaque));
            i = end + 1;
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && header.charAt(i) != ',') {
                throw malformed();
            }
        }
        if (tags.isEmpty()) {
            throw malformed();
        }
        return tags;
    }

    private static ApiProblem malformed() {
        return ApiProblem.validation("If-Match", "must be * or a comma-separated list of entity tags such as \"3\" (the ETag you read)");
    }
}
