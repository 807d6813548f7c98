package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

@ApplicationScoped
public class PovertyLineRepository implements PanacheRepositoryBase<PovertyLine, PovertyLine.Key> {

    public Optional<BigDecimal> amount(String provinceCode, int year) {
        return findByIdOptional(new PovertyLine.Key(provinceCode, year)).map(l -> l.amount);
    }

    /** Sets the line, whether or not one was loaded before; two administrators at once cannot make it fail. */
    public void upsert(String provinceCode, int year, BigDecimal amount, String actor) {
        getEntityManager().createNativeQuery("insert into poverty_line (province_code, year, amount, updated_at, updated_by)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (province_code, year)"
                        + " do update set amount = excluded.amount, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .setParameter(1, provinceCode).setParameter(2, year).setParameter(3, amount)
                .setParameter(4, OffsetDateTime.now()).setParameter(5, actor)
                .executeUpdate();
    }
}
