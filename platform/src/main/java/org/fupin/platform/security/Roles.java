package org.fupin.platform.security;

/** Roles carried in the token's {@code groups} claim. One role per kind of action, so an office grants only what a post needs. */
public final class Roles {
    private Roles() {
    }

    /** Registers and edits households (村/乡镇扶贫专干). */
    public static final String HOUSEHOLD_CLERK = "household-clerk";
    /** Township review and township notice (乡镇审核、乡镇公示). */
    public static final String HOUSEHOLD_TOWNSHIP_REVIEWER = "household-township-reviewer";
    /** County announcement, exit, return and removal (县级公告、脱贫、返贫、剔除). */
    public static final String HOUSEHOLD_COUNTY_APPROVER = "household-county-approver";
    /** Provincial systems importing households already registered (省级系统导入). */
    public static final String HOUSEHOLD_IMPORTER = "household-importer";
    /** Reads households. */
    public static final String HOUSEHOLD_VIEWER = "household-viewer";
    /** Sees resident ID numbers unmasked; every such read is audited. */
    public static final String PII_VIEWER = "pii-viewer";
    /** Starts and follows the re-encryption of personal data with a new key (key rotation). */
    public static final String PII_ADMIN = "pii-admin";
    /** Enters projects into the library, reports progress, links beneficiary households (项目录入). */
    public static final String PROJECT_CLERK = "project-clerk";
    /** Records stage steps, adjustments (项目调整) and cancellations (终止). */
    public static final String PROJECT_APPROVER = "project-approver";
    /** Reads the project library. */
    public static final String PROJECT_VIEWER = "project-viewer";
    /** Records allocations, disbursements and reimbursements (资金下达、拨付、报账). */
    public static final String FUND_CLERK = "fund-clerk";
    /** Adjustments, recalls and reversals (资金调整、结余收回、红字冲销). */
    public static final String FUND_APPROVER = "fund-approver";
    /** Reads the fund ledgers. */
    public static final String FUND_VIEWER = "fund-viewer";
    public static final String RECTIFICATION_CLERK = "rectification-clerk";
    /** Raises, verifies, closes (销号), returns and extends rectification issues. */
    public static final String RECTIFICATION_INSPECTOR = "rectification-inspector";
    /** A responsible unit: accepts, records progress, reports rectified; scoped by the token's {@code unit} claim. */
    public static final String RECTIFICATION_UNIT = "rectification-unit";
    public static final String RECTIFICATION_VIEWER = "rectification-viewer";
    /** Reads the reporting figures. */
    public static final String REPORT_VIEWER = "report-viewer";
    /** Loads reference figures into reporting (population per region). */
    public static final String REPORT_ADMIN = "report-admin";
    /** Operators: list parked outbox events and re-queue them ({@code /api/v1/admin/outbox/parked}, every service). */
    public static final String OUTBOX_ADMIN = "outbox-admin";
}
