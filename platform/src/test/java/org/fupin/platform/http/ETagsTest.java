package org.fupin.platform.http;

import org.fupin.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** If-Match by RFC 9110: strong comparison, '*', lists; weak tags never match. */
class ETagsTest {

    static int status(String ifMatch, long version) {
        return assertThrows(ApiProblem.class, () -> ETags.requireMatch(ifMatch, version)).status();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "*", " * ", "\"6\", \"7\"", "\"7\",\"8\"", "W/\"6\", \"7\"", ", \"7\" ,"})
    void matchesTheCurrentVersionStrongly(String ifMatch) {
        assertDoesNotThrow(() -> ETags.requireMatch(ifMatch, 7));
    }

    @Test
    void aWeakTagNeverMatches() {
        assertEquals(412, status("W/\"7\"", 7));
        assertEquals(412, status("W/\"7\", W/\"8\"", 7));
    }

    @Test
    void aListMatchesWhenOneOfItsTagsDoes() {
        // the old parser removed every quote and compared the rest: a list never matched, "1""7" matched version 17
        assertDoesNotThrow(() -> ETags.requireMatch("\"16\", \"17\"", 17));
        assertEquals(412, status("\"1\", \"7\"", 17));
        assertEquals(412, status("\"6\", \"8\"", 7));
        assertEquals(400, status("\"1\"\"7\"", 17));
    }

    @Test
    void missingIs428AndStaleIs412() {
        assertEquals(428, status(null, 7));
        assertEquals(428, status(" ", 7));
        assertEquals(412, status("\"6\"", 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "\"7", "\"7\" \"8\"", "W/7", ",", "\"7\"x"})
    void aMalformedHeaderIs400NamingIt(String ifMatch) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> ETags.requireMatch(ifMatch, 7));
        assertEquals(400, p.status());
        assertEquals("If-Match", p.errors().get(0).field());
    }
}
