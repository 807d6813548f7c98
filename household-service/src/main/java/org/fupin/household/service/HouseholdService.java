package org.fupin.household.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.HouseholdRules;
import org.fupin.household.domain.HouseholdStatus;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.household.rest.HouseholdView;
import org.fupin.household.rest.Page;
import org.fupin.household.rest.RegisterHouseholdRequest;
import org.fupin.household.rest.UpdateHouseholdRequest;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.http.ETags;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.security.Roles;
import org.hibernate.exception.ConstraintViolationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class HouseholdService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    HouseholdRepository households;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Idempotency idempotency;
    @Inject
    RegionScope region;
    @Inject
    PersonalDataProtector pii;
    @Inject
    SecurityIdentity identity;
    @Inject
    HouseholdConfig config;

    /** Registers a household; with an Idempotency-Key, a retry returns the household the first call created. */
    @Transactional
    public HouseholdView register(RegisterHouseholdRequest request, String idempotencyKey) {
        region.requireWritable(request.regionCode(), "regionCode");
        ResidentIdNumber headId = HouseholdRules.validateRegistration(request.regionCode(), request.headResidentId(),
                request.memberCount(), config.maxMembers(), LocalDate.now(CHINA));
        String fingerprint = request.regionCode() + "|" + request.headName() + "|" + pii.hash(headId.value()) + "|"
                + request.memberCount() + "|" + request.householdCode();
        var earlier = idempotency.reserve(idempotencyKey, "household.register", fingerprint);
        if (earlier.isPresent()) {
            return view(households.findById(UUID.fromString(earlier.get())));
        }
        String headHash = pii.hash(headId.value());
        households.findActiveByHeadHash(headHash).ifPresent(other -> {
            throw onePersonOneHousehold(other.householdCode);
        });
        Household h = new Household();
        h.id = UUID.randomUUID();
        h.householdCode = request.householdCode() != null ? request.householdCode() : households.nextHouseholdCode(request.regionCode());
        h.regionCode = request.regionCode();
        h.headName = request.headName().trim();
        h.headIdHash = headHash;
        h.headIdEncrypted = pii.encrypt(headId.value());
        h.headIdMasked = headId.masked();
        h.memberCount = request.memberCount();
        h.status = HouseholdStatus.REGISTERED;
        h.version = 1;
        h.createdAt = h.updatedAt = OffsetDateTime.now();
        h.createdBy = h.updatedBy = audit.actor();
        try {
            households.persistAndFlush(h);
        } catch (PersistenceException e) {
            throw translate(e, headHash, h.householdCode);
        }
        outbox.append(h.id.toString(), h.version, h.regionCode,
                new HouseholdRegisteredV1(h.id.toString(), h.householdCode, h.regionCode, h.memberCount, h.createdAt.toInstant()));
        audit.record("household.registered", "household", h.id.toString(), h.regionCode, "members=" + h.memberCount);
        idempotency.complete(idempotencyKey, "household.register", h.id.toString());
        return view(h);
    }

    @Transactional
    public HouseholdView update(UUID id, UpdateHouseholdRequest request, String ifMatch) {
        Household h = households.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("household", id));
        region.requireReadable(h.regionCode, "household", id);
        region.requireWritable(h.regionCode, "regionCode");
        ETags.requireMatch(ifMatch, h.version);
        h.headName = request.headName().trim();
        h.memberCount = request.memberCount();
        h.version++;
        h.updatedAt = OffsetDateTime.now();
        h.updatedBy = audit.actor();
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdUpdatedV1(h.id.toString(), h.regionCode, h.memberCount));
        audit.record("household.updated", "household", h.id.toString(), h.regionCode, "members=" + h.memberCount);
        return view(h);
    }

    /** Reads a household; an unmasked read (pii-viewer) is audited. */
    @Transactional
    public HouseholdView get(UUID id) {
        Household h = households.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("household", id));
        region.requireReadable(h.regionCode, "household", id);
        return view(h);
    }

    @Transactional
    public Page<HouseholdView> list(String regionPrefix, int page, int size) {
        String prefix = region.queryPrefix(regionPrefix, "region");
        var query = households.inRegion(prefix).page(page, size);
        return new Page<>(query.list().stream().map(this::view).toList(), page, size, query.count());
    }

    private HouseholdView view(Household h) {
        String id = h.headIdMasked;
        if (identity.hasRole(Roles.PII_VIEWER)) {
            id = pii.decrypt(h.headIdEncrypted);
            audit.record("household.pii-read", "household", h.id.toString(), h.regionCode, "headResidentId");
        }
        return new HouseholdView(h.id, h.householdCode, h.regionCode, h.headName, id, h.memberCount, h.status, h.version,
                h.createdAt, h.createdBy, h.updatedAt, h.updatedBy);
    }

    private ApiProblem onePersonOneHousehold(String otherCode) {
        return ApiProblem.conflict("This person already belongs to registered household " + otherCode
                        + " (one person, one household / 数据比对).")
                .with("conflictingHouseholdCode", otherCode).withField("headResidentId");
    }

    /** A concurrent registration lost the race at the unique index: answer as if the check had caught it. */
    private RuntimeException translate(PersistenceException e, String headHash, String householdCode) {
        Throwable c = e;
        while (c != null && !(c instanceof ConstraintViolationException)) {
            c = c.getCause();
        }
        if (c instanceof ConstraintViolationException cve) {
            String constraint = String.valueOf(cve.getConstraintName());
            if (constraint.contains("household_one_person")) {
                // this transaction is aborted; look the winner up in a fresh one
                String other = QuarkusTransaction.requiringNew().call(() ->
                        households.findActiveByHeadHash(headHash).map(o -> o.householdCode).orElse("(being registered)"));
                return onePersonOneHousehold(other);
            }
            if (constraint.contains("household_code")) {
                return ApiProblem.conflict("Household code " + householdCode + " is already taken.").withField("householdCode");
            }
        }
        return e;
    }
}
