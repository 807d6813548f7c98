package org.fupin.platform.pii;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * A service that stores personal data ({@code fupin.pii.encrypted-columns} not empty) checks its keys while starting,
 * so a missing or published key stops the start instead of the first registration. Services without personal data
 * need no keys.
 */
@ApplicationScoped
public class PiiStartupCheck {

    @Inject
    PiiConfig config;
    @Inject
    Provider<PersonalDataProtector> protector;

    void onStart(@Observes StartupEvent ignored) {
        if (!config.encryptedColumns().isEmpty()) {
            KeyRotation.parse(config.encryptedColumns()); // a mistyped column list fails now, not at the first rotation
            protector.get().activeKeyId(); // builds the keyring: throws PiiKeyException, which aborts the start
        }
    }
}
