package org.fupin.project.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BeneficiaryRulesTest {

    static final ReplicaHousehold REGISTERED = new ReplicaHousehold("h1", "522428103201001", "522428103201", "REGISTERED", 4);
    static final ReplicaHousehold EXITED = new ReplicaHousehold("h2", "522428104101002", "522428104101", "EXITED", 3);
    static final ReplicaHousehold APPLIED = new ReplicaHousehold("h3", "522428103201003", "522428103201", "APPLIED", 2);
    static final ReplicaHousehold REMOVED = new ReplicaHousehold("h4", "522428103201004", "522428103201", "REMOVED", 5);
    static final ReplicaHousehold OTHER_COUNTY = new ReplicaHousehold("h5", "522427100201005", "522427100201", "REGISTERED", 1);

    static final Map<String, ReplicaHousehold> BY_CODE = Map.of(REGISTERED.householdCode(), REGISTERED,
            EXITED.householdCode(), EXITED, APPLIED.householdCode(), APPLIED, REMOVED.householdCode(), REMOVED,
            OTHER_COUNTY.householdCode(), OTHER_COUNTY);

    @Test
    void registeredAndExitedHouseholdsOfTheCountyMayBeLinked() {
        List<ReplicaHousehold> r = BeneficiaryRules.resolve(List.of(EXITED.householdCode(), REGISTERED.householdCode(),
                EXITED.householdCode()), BY_CODE, "522428", Set.of());
        assertEquals(List.of(EXITED, REGISTERED), r, "in the order given, duplicates dropped");
    }

    @Test
    void eachOffendingCodeIsNamed() {
        Refusal r = assertThrows(Refusal.class, () -> BeneficiaryRules.resolve(List.of(REGISTERED.householdCode(),
                APPLIED.householdCode(), OTHER_COUNTY.householdCode(), "nope", REMOVED.householdCode()), BY_CODE, "522428", Set.of()));
        assertEquals(422, r.status());
        assertEquals("beneficiaries-not-eligible", r.code());
        assertEquals(List.of("householdCodes[1]", "householdCodes[2]", "householdCodes[3]", "householdCodes[4]"), r.fields());
        assertEquals(List.of(new BeneficiaryRules.Offending(APPLIED.householdCode(), BeneficiaryRules.Offence.NOT_REGISTERED),
                new BeneficiaryRules.Offending(OTHER_COUNTY.householdCode(), BeneficiaryRules.Offence.NOT_IN_COUNTY),
                new BeneficiaryRules.Offending("nope", BeneficiaryRules.Offence.NOT_IN_COUNTY),
                new BeneficiaryRules.Offending(REMOVED.householdCode(), BeneficiaryRules.Offence.NOT_REGISTERED)),
                r.details().get("offending"));
        assertEquals("522427100201005 is not a household of county 522428", r.errors().get(1).message(),
                "an unknown code and one of another county read alike");
    }

    @Test
    void aHouseholdRemovedAfterLinkingStaysLinkedAndIsFlagged() {
        assertEquals(List.of(REGISTERED, REMOVED), BeneficiaryRules.resolve(List.of(REGISTERED.householdCode(),
                REMOVED.householdCode()), BY_CODE, "522428", Set.of("h4")));
        assertEquals(List.of(new BeneficiaryRules.Flag("h4", REMOVED.householdCode(), BeneficiaryRules.FlagReason.REMOVED),
                        new BeneficiaryRules.Flag("h3", APPLIED.householdCode(), BeneficiaryRules.FlagReason.NOT_IN_REGISTRY),
                        new BeneficiaryRules.Flag("h9", null, BeneficiaryRules.FlagReason.UNKNOWN)),
                BeneficiaryRules.flags(List.of("h1", "h4", "h2", "h3", "h9"), Map.of("h1", REGISTERED, "h2", EXITED,
                        "h3", APPLIED, "h4", REMOVED)));
    }
}
