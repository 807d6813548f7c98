package org.fupin.platform.imports;

import org.fupin.platform.problem.ApiProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What a service supplies to import one kind of record with the platform's machinery ({@link ImportJobs},
 * {@link ImportRunner}): how a batch splits into rows, how a row is read and checked, and how rows are stored. An
 * {@code @ApplicationScoped} bean; the machinery stores, claims, counts, reports and resumes.
 *
 * @param <R> a row read and checked, ready to be stored
 */
public interface ImportKind<R> {

    /** Stored with each job ({@code import_job.kind}); unique in the service. */
    String name();

    /** The role the rows run with, as the submitter (principal and region of the submission). */
    String role();

    /** What a batch without a single row is called in the 400 ("the batch holds no household"). */
    default String noRows() {
        return "the batch holds no row";
    }

    /**
     * Splits a batch into rows, each a JSON text handed to the sink with its row number (line, or first sheet row).
     * The bytes are in {@code in}, and also in {@code file} (a workbook is read from the file).
     */
    void parse(ImportFormat format, InputStream in, Path file, RowSink sink) throws IOException;

    /** Receives the rows of a batch while it is parsed. */
    @FunctionalInterface
    interface RowSink {
        void row(int rowNumber, String payload);
    }

    /**
     * The payload read and checked, or null with the errors added (naming the field; never repeating a submitted
     * value: use {@link RowErrors}).
     */
    R read(String payload, List<ApiProblem.FieldError> errors);

    /**
     * Stores one row in the caller's transaction, as the submitter, and returns the id of what it stored; a refusal is
     * thrown (an {@link ApiProblem}, which rolls the row back).
     */
    UUID importOne(R row);

    /**
     * Whether {@link #importChunk} is implemented. Without it each row is claimed and stored in a transaction of its own
     * (a refusal thrown inside a transactional method marks the whole transaction for rollback, so rows of a chunk
     * cannot simply be stored one after the other in one transaction).
     */
    default boolean chunked() {
        return false;
    }

    /**
     * Stores a chunk of rows in the caller's transaction, as the submitter: each row is decided alone (a refused one
     * gets its refusal through {@link Chunk#refuse} and changes nothing) and the others are stored, and get their id
     * through {@link Chunk#accept}. Only called when {@link #chunked()}.
     */
    default void importChunk(List<Chunk<R>> rows) {
        throw new UnsupportedOperationException(name() + " imports rows one at a time");
    }

    /**
     * Whether the rows of one job must be imported in row order (a ledger: money is allocated before it is paid out and
     * paid out before it is settled). Then the chunks of a job are claimed and imported one after another, under a
     * transaction-scoped advisory lock of the job, by whichever worker or replica holds it; separate jobs still run side by
     * side.
     */
    default boolean ordered() {
        return false;
    }

    /** An error of the report from a refusal's field and message; the default scrubs values out of the message. */
    default ApiProblem.FieldError refusal(String field, String message, ApiProblem problem) {
        return new ApiProblem.FieldError(field, RowErrors.scrub(message));
    }

    /** The field of the report for a field of a refusal (e.g. prefixed with the row's object). */
    default String field(String refusalField) {
        return refusalField;
    }

    /** The action of the audit line written when a job of this kind is finished. */
    default String finishedAction() {
        return name() + ".import.finished";
    }

    /** One row of a chunk and what became of it: the id stored, or the refusal. */
    final class Chunk<R> {
        private final R row;
        private UUID id;
        private RuntimeException refusal;

        public Chunk(R row) {
            this.row = row;
        }

        public R row() {
            return row;
        }

        public void accept(UUID stored) {
            this.id = stored;
            this.refusal = null;
        }

        public void refuse(RuntimeException why) {
            this.refusal = why;
            this.id = null;
        }

        public UUID id() {
            return id;
        }

        public RuntimeException refusal() {
            return refusal;
        }
    }
}
