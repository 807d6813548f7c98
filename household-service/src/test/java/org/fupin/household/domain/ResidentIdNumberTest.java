package org.fupin.household.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** A published example number from GB 11643: 11010519491231002X. */
    @Test
    void acceptsTheStandardsExampleWithCheckCharacterX() {
        assertTrue(ResidentIdNumber.problem("11010519491231002X", TODAY).isEmpty());
        assertTrue(ResidentIdNumber.problem("11010519491231002x", TODAY).isEmpty(), "lower-case x is accepted");
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(ResidentIdNumber.Sex.FEMALE, id.sex()); // 17th digit 2 is even
        assertEquals("110105********002X", id.masked());
    }

    @Test
    void computesTheCheckCharacterByMod11_2() {
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
        String first17 = "52242819900101123";
        char check = ResidentIdNumber.checkCharacter(first17);
        assertTrue(ResidentIdNumber.problem(first17 + check, TODAY).isEmpty());
        assertEquals(ResidentIdNumber.Sex.MALE, ResidentIdNumber.parse(first17 + check, TODAY).sex());
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertEquals("the check character does not match (ISO 7064 MOD 11-2)",
                ResidentIdNumber.problem("110105194912310021", TODAY).orElseThrow());
    }

    @Test
    void refusesBadLengthLettersAndImpossibleDates() {
        assertEquals("must be 18 characters", ResidentIdNumber.problem("11010519491231002", TODAY).orElseThrow());
        assertEquals("must be 18 characters", ResidentIdNumber.problem(null, TODAY).orElseThrow());
        assertEquals("the first 17 characters must be digits", ResidentIdNumber.problem("1101051949123100AX", TODAY).orElseThrow());
        assertEquals("characters 7-14 are not a real birth date", ResidentIdNumber.problem(withCheck("11010519490230002"), TODAY).orElseThrow());
        assertEquals("the birth date is not plausible", ResidentIdNumber.problem(withCheck("11010520300101002"), TODAY).orElseThrow());
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        assertEquals("110105********002X", ResidentIdNumber.parse("11010519491231002X", TODAY).toString());
    }

    static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
