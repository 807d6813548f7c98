package org.fupin.household.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportKind;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Households as a kind of the platform's bulk import: a batch splits into one row per household
 * ({@link ImportParser}), a row is an {@link ImportedHousehold}, and chunks are stored in JDBC batches by
 * {@link HouseholdService#importChunk} (one at a time by {@link HouseholdService#importRow} when a chunk must be split).
 */
@ApplicationScoped
public class ImportHouseholdKind implements ImportKind<ImportedHousehold> {

    public static final String NAME = "household";

    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    HouseholdService households;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String role() {
        return Roles.HOUSEHOLD_IMPORTER;
    }

    @Override
    public String noRows() {
        return "the batch holds no household";
    }

    @Override
    public void parse(ImportFormat format, InputStream in, Path file, RowSink sink) throws IOException {
        new ImportParser(json).parse(format, in, file, sink);
    }

    @Override
    public ImportedHousehold read(String payload, List<ApiProblem.FieldError> errors) {
        ImportedHousehold request;
        try {
            request = json.readValue(payload, ImportedHousehold.class);
        } catch (JsonProcessingException e) {
            errors.add(ImportErrors.unreadable(e));
            return null;
        }
        for (ConstraintViolation<ImportedHousehold> v : validator.validate(request)) {
            errors.add(new ApiProblem.FieldError(v.getPropertyPath().toString(), ImportErrors.scrub(v.getMessage())));
        }
        return errors.isEmpty() ? request : null;
    }

    @Override
    public UUID importOne(ImportedHousehold row) {
        return households.importRow(row.household(), row.identificationYear());
    }

    @Override
    public boolean chunked() {
        return true;
    }

    @Override
    public void importChunk(List<Chunk<ImportedHousehold>> rows) {
        List<HouseholdService.ChunkRow> chunk = new ArrayList<>(rows.size());
        for (Chunk<ImportedHousehold> r : rows) {
            chunk.add(new HouseholdService.ChunkRow(r.row().household(), r.row().identificationYear()));
        }
        households.importChunk(chunk);
        for (int i = 0; i < rows.size(); i++) {
            HouseholdService.ChunkRow done = chunk.get(i);
            if (done.refusal() != null) {
                rows.get(i).refuse(done.refusal());
            } else {
                rows.get(i).accept(done.householdId());
            }
        }
    }

    @Override
    public ApiProblem.FieldError refusal(String field, String message, ApiProblem problem) {
        return ImportErrors.refusal(field, message, problem);
    }

    @Override
    public String field(String field) {
        return field.equals("identificationYear") || field.equals("row") || field.equals("household") || field.startsWith("household.")
                ? field : "household." + field;
    }
}
