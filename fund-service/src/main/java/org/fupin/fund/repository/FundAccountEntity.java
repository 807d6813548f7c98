package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.fupin.fund.domain.Account;
import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.FundSource;
import org.fupin.platform.money.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One project × source account ({@code fund_account}): the running totals of its entries, stored in the posting's
 * transaction; the check constraint keeps {@code 0 ≤ reimbursed ≤ disbursed ≤ allocated}. The budget is not stored here
 * (it is the replica's).
 */
@Entity
@Table(name = "fund_account")
@IdClass(FundAccountEntity.Key.class)
public class FundAccountEntity extends PanacheEntityBase {

    /** The primary key: project id and source code. */
    public record Key(UUID projectId, String fundSource) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Id
    @Column(name = "fund_source")
    public String fundSource;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "region_code")
    public String regionCode;
    public BigDecimal allocated;
    public BigDecimal disbursed;
    public BigDecimal reimbursed;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The domain's account with the project's current budget for the source. */
    public Account toDomain(FundProject project) {
        FundSource source = FundSource.ofCode(fundSource).orElseThrow();
        return new Account(projectId.toString(), source, project.budget(source), new Money(allocated), new Money(disbursed),
                new Money(reimbursed));
    }

    /** A new row for an account a posting opened. */
    public static FundAccountEntity open(FundProject project, FundSource source) {
        FundAccountEntity e = new FundAccountEntity();
        e.projectId = UUID.fromString(project.id());
        e.fundSource = source.code();
        e.countyCode = project.countyCode();
        e.regionCode = project.regionCode();
        e.allocated = BigDecimal.ZERO.setScale(2);
        e.disbursed = BigDecimal.ZERO.setScale(2);
        e.reimbursed = BigDecimal.ZERO.setScale(2);
        e.version = 0;
        return e;
    }

    /** Stores the totals the domain decided. */
    public void apply(Account after) {
        allocated = after.allocated().amount();
        disbursed = after.disbursed().amount();
        reimbursed = after.reimbursed().amount();
        version++;
        updatedAt = OffsetDateTime.now();
    }
}
