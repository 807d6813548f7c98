/**
 * Events of the project library (项目库), topic {@code fupin.project.v1}, key = project id.
 * <p>
 * Every project event carries the same snapshot of what consumers count, so a consumer never calls back and a projection
 * can take the newest snapshot by aggregate version: {@code regionCode} (where it is built, 12 digits), {@code category}
 * (code of the 13 national categories, null when not yet given), {@code projectYear} (library year), {@code batch}
 * (批次, null when none), {@code stage} and {@code stageDate} (the date the current stage was reached), {@code budget}
 * (预算总投资 by fund-source code, decimal strings, yuan with two decimals) and {@code budgetTotal} (their sum),
 * {@code physicalProgress} (形象进度, percent with two decimals, null before the first report),
 * {@code investmentCompleted} (累计完成投资, decimal string), {@code missingFields} (项目信息不完整: the required fields the
 * record lacks), {@code plannedStartDate} and {@code plannedEndDate} (计划开工/完工, null when not given; optional: events
 * published before issue 10 carry them only in {@code project.adjusted.v1}), and {@code effectiveDate} (the business
 * date of the change). No personal data: no project names (they
 * may name a household), no person names, no resident ID numbers; households appear by their ids only.
 */
package org.fupin.contracts.project;
