package org.fupin.project.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle as an explicit state machine. The full table (no stage skipped):
 * <pre>
 * stage               allowed steps                          → stage
 * PLANNED             PRE_APPROVAL, CANCELLATION             → PRE_APPROVAL_DONE, CANCELLED
 * PRE_APPROVAL_DONE   TENDERING, CANCELLATION                → TENDERING, CANCELLED
 * TENDERING           CONSTRUCTION_START, CANCELLATION       → UNDER_CONSTRUCTION, CANCELLED
 * UNDER_CONSTRUCTION  COMPLETION, CANCELLATION               → COMPLETED, CANCELLED
 * COMPLETED           ACCEPTANCE                             → ACCEPTED
 * ACCEPTED            —
 * CANCELLED           —
 * </pre>
 * A category may skip {@link #SKIPPABLE} stages (configuration, e.g. no 招投标 for household-level subsidies): the
 * forward step from a stage is then the step into the next stage that is not skipped (PLANNED →CONSTRUCTION_START→
 * UNDER_CONSTRUCTION when both pre-approval and tendering are skipped), and the skipped stage's own step is not allowed.
 */
public final class StageFlow {

    /** The stages a category may skip; the others are what the start and completion figures count. */
    public static final Set<ProjectStage> SKIPPABLE = Collections.unmodifiableSet(
            EnumSet.of(ProjectStage.PRE_APPROVAL_DONE, ProjectStage.TENDERING));

    /** The forward chain, in order. */
    private static final List<ProjectStage> CHAIN = List.of(ProjectStage.PLANNED, ProjectStage.PRE_APPROVAL_DONE,
            ProjectStage.TENDERING, ProjectStage.UNDER_CONSTRUCTION, ProjectStage.COMPLETED, ProjectStage.ACCEPTED);

    private static final StageFlow FULL = new StageFlow(EnumSet.noneOf(ProjectStage.class));

    private final Set<ProjectStage> skipped;
    private final Map<ProjectStage, Map<StageStep, ProjectStage>> table = new EnumMap<>(ProjectStage.class);

    private StageFlow(Set<ProjectStage> skipped) {
        this.skipped = Collections.unmodifiableSet(skipped.isEmpty() ? EnumSet.noneOf(ProjectStage.class) : EnumSet.copyOf(skipped));
        for (ProjectStage s : ProjectStage.values()) {
            Map<StageStep, ProjectStage> steps = new LinkedHashMap<>();
            int i = CHAIN.indexOf(s);
            if (i >= 0 && i < CHAIN.size() - 1) {
                ProjectStage next = CHAIN.get(i + 1);
                int j = i + 1;
                while (this.skipped.contains(next)) {
                    next = CHAIN.get(++j);
                }
                steps.put(stepInto(next), next);
            }
            if (s.ordinal() < ProjectStage.COMPLETED.ordinal()) {
                steps.put(StageStep.CANCELLATION, ProjectStage.CANCELLED);
            }
            table.put(s, Collections.unmodifiableMap(steps));
        }
    }

    /** Every stage, no skipping. */
    public static StageFlow full() {
        return FULL;
    }

    /**
     * The flow of a category that skips the given stages.
     *
     * @throws IllegalArgumentException when a stage that cannot be skipped is named (a configuration error)
     */
    public static StageFlow skipping(Set<ProjectStage> skipped) {
        if (skipped == null || skipped.isEmpty()) {
            return FULL;
        }
        for (ProjectStage s : skipped) {
            if (!SKIPPABLE.contains(s)) {
                throw new IllegalArgumentException("stage " + s + " cannot be skipped; only " + SKIPPABLE);
            }
        }
        return new StageFlow(skipped);
    }

    private static StageStep stepInto(ProjectStage stage) {
        for (StageStep step : StageStep.values()) {
            if (step.target() == stage) {
                return step;
            }
        }
        throw new IllegalStateException("no step into " + stage);
    }

    public Set<ProjectStage> skipped() {
        return skipped;
    }

    /** Whether a project of this flow ever stands in the stage. */
    public boolean passesThrough(ProjectStage stage) {
        return !skipped.contains(stage);
    }

    /** The steps allowed in a stage, forward step first. */
    public List<StageStep> allowedSteps(ProjectStage stage) {
        return List.copyOf(table.get(stage).keySet());
    }

    /**
     * @return the stage after the step
     * @throws Refusal (409) naming the current stage and the allowed steps when the step is not allowed
     */
    public ProjectStage next(ProjectStage current, StageStep step) {
        ProjectStage next = table.get(current).get(step);
        if (next == null) {
            throw Refusal.notInStage(current, "take step " + step + " for", allowedSteps(current)).with("step", step);
        }
        return next;
    }

    /** The stages a project passes through before reaching {@code stage} (in order; for import checks). */
    public List<ProjectStage> stagesBefore(ProjectStage stage) {
        List<ProjectStage> l = new ArrayList<>();
        for (ProjectStage s : CHAIN) {
            if (s == stage) {
                break;
            }
            if (passesThrough(s)) {
                l.add(s);
            }
        }
        return l;
    }

    /** For documentation and the OpenAPI description: every allowed step and where it leads, per stage. */
    public Map<ProjectStage, Map<StageStep, ProjectStage>> table() {
        return Collections.unmodifiableMap(table);
    }
}
