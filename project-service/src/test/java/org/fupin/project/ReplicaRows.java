package org.fupin.project;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

/** Households put straight into the replica (as the household events consumer would), for the beneficiary tests. */
public final class ReplicaRows {
    private ReplicaRows() {
    }

    /** @return the household's id */
    public static UUID household(AgroalDataSource db, String code, String village, String state, int persons) {
        UUID id = UUID.randomUUID();
        exec(db, "insert into household_replica (id, household_code, region_code, state, persons, version, state_version, persons_version)"
                + " values (?, ?, ?, ?, ?, 1, 1, 1)", id, code, village, state, persons);
        return id;
    }

    public static void state(AgroalDataSource db, UUID id, String state) {
        exec(db, "update household_replica set state = ?, version = version + 1, state_version = version + 1 where id = ?", state, id);
    }

    public static String code() {
        return "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static void exec(AgroalDataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
