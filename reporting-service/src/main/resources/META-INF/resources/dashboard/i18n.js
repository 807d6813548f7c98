// Labels of the dashboard in Chinese (default) and English. Figure labels follow the offices' report headers.
const STRINGS = {
  zh: {
    title: '扶贫数据看板', switchTo: 'English', year: '年度', allYears: '全部年份', asOf: '截至日期', logout: '退出登录',
    'tab.households': '贫困户', 'tab.projects': '项目库', 'tab.funds': '资金', 'tab.rectification': '问题整改',
    region: '区划', total: '合计', national: '全国', freshness: '数据更新至', freshnessNone: '尚无数据事件',
    denied: '无权查看该区划的数据：', error: '加载失败：', loading: '加载中…', export: '导出 Excel',
    asOfNotApplied: '本视图为当前数据（截至日期不适用）', noRows: '无下级区划数据', unknown: '未知',
    byRegion: '按区划', byYear: '按项目年度', bySource: '按问题来源', byUnit: '按责任单位', byStage: '按项目阶段',
    perYear: '按年度', threshold: '退出标准', stage: '阶段', group: '分组', user: '用户',
    'stage.PLANNED': '入库', 'stage.PRE_APPROVAL_DONE': '前期审批', 'stage.TENDERING': '招投标', 'stage.UNDER_CONSTRUCTION': '在建',
    'stage.COMPLETED': '完工', 'stage.ACCEPTED': '验收', 'stage.CANCELLED': '终止',
    // households
    'registered.households': '建档立卡户数', 'registered.persons': '建档立卡人数', 'exited.households': '脱贫户数',
    'exited.persons': '脱贫人数', 'returned.households': '返贫户数', 'returned.persons': '返贫人数',
    'removed.households': '剔除户数', 'remaining.households': '剩余贫困户数', 'remaining.persons': '剩余贫困人数',
    'monitored.households': '监测户数', 'monitored.persons': '监测人数', population: '户籍人口',
    povertyIncidence: '贫困发生率', 'dataQuality.personsInSeveralHouseholds': '一人多户（数据比对）',
    // projects
    projects: '项目数', nonCancelled: '有效项目数', startRate: '开工率', completionRate: '竣工率', totalBudget: '预算总投资（元）',
    implementedAmount: '已实施金额（元）', investmentCompleted: '累计完成投资（元）', investmentCompletionRate: '投资完成率',
    physicalProgress: '形象进度', incompleteRecords: '信息不完整项目', beneficiaryHouseholds: '带贫户数', beneficiaryPersons: '带贫人数',
    // funds
    budget: '预算（元）', implementedProjects: '已实施项目数', allocated: '资金下达（元）', disbursed: '拨付（元）',
    reimbursed: '报账（元）', balance: '结余（元）', disbursementRate: '拨付率', utilisationRate: '资金使用率',
    reimbursementRate: '报账率', budgetReimbursementRate: '预算报账率',
    // rectification
    raised: '问题数', open: '未启动', inProgress: '整改中', reported: '已报告', closed: '已销号', returned: '被退回',
    returnedAtLeastOnce: '曾被退回', overdue: '逾期', longTermOpen: '长期整改未销号', closedOnTime: '按期销号',
    closureRate: '销号率', onTimeClosureRate: '按期销号率',
  },
  en: {
    title: 'Poverty alleviation dashboard', switchTo: '中文', year: 'Year', allYears: 'All years', asOf: 'As of', logout: 'Sign out',
    'tab.households': 'Households', 'tab.projects': 'Projects', 'tab.funds': 'Funds', 'tab.rectification': 'Rectification',
    region: 'Region', total: 'Total', national: 'National', freshness: 'Data as of event', freshnessNone: 'No events yet',
    denied: 'You may not see this region: ', error: 'Could not load: ', loading: 'Loading…', export: 'Export xlsx',
    asOfNotApplied: 'Current figures (the as-of date does not apply to this view)', noRows: 'No data below this region',
    unknown: 'Unknown', byRegion: 'By region', byYear: 'By project year', bySource: 'By source', byUnit: 'By unit',
    byStage: 'By stage', perYear: 'Per year', threshold: 'Threshold', stage: 'Stage', group: 'Group', user: 'User',
    'stage.PLANNED': 'Planned', 'stage.PRE_APPROVAL_DONE': 'Pre-approval done', 'stage.TENDERING': 'Tendering',
    'stage.UNDER_CONSTRUCTION': 'Under construction', 'stage.COMPLETED': 'Completed', 'stage.ACCEPTED': 'Accepted',
    'stage.CANCELLED': 'Cancelled',
    'registered.households': 'Registered households', 'registered.persons': 'Registered persons',
    'exited.households': 'Exited households', 'exited.persons': 'Exited persons', 'returned.households': 'Returned households',
    'returned.persons': 'Returned persons', 'removed.households': 'Removed households',
    'remaining.households': 'Remaining households', 'remaining.persons': 'Remaining persons',
    'monitored.households': 'Monitored households', 'monitored.persons': 'Monitored persons', population: 'Population',
    povertyIncidence: 'Poverty incidence', 'dataQuality.personsInSeveralHouseholds': 'Persons in several households',
    projects: 'Projects', nonCancelled: 'Not cancelled', startRate: 'Start rate', completionRate: 'Completion rate',
    totalBudget: 'Total budget (yuan)', implementedAmount: 'Implemented amount (yuan)',
    investmentCompleted: 'Investment completed (yuan)', investmentCompletionRate: 'Investment completion rate',
    physicalProgress: 'Physical progress', incompleteRecords: 'Incomplete records', beneficiaryHouseholds: 'Beneficiary households',
    beneficiaryPersons: 'Beneficiary persons',
    budget: 'Budget (yuan)', implementedProjects: 'Implemented projects', allocated: 'Allocated (yuan)',
    disbursed: 'Disbursed (yuan)', reimbursed: 'Reimbursed (yuan)', balance: 'Balance (yuan)',
    disbursementRate: 'Disbursement rate', utilisationRate: 'Utilisation rate', reimbursementRate: 'Reimbursement rate',
    budgetReimbursementRate: 'Reimbursement rate of budget',
    raised: 'Raised', open: 'Open', inProgress: 'In progress', reported: 'Reported', closed: 'Closed', returned: 'Returned',
    returnedAtLeastOnce: 'Returned at least once', overdue: 'Overdue', longTermOpen: 'Long-term open',
    closedOnTime: 'Closed on time', closureRate: 'Closure rate', onTimeClosureRate: 'On-time closure rate',
  },
};

const KEY = 'fupin.dashboard.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = l === 'en' ? 'en' : 'zh';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** The label of a key in the current language; the key itself when none is known. */
export function t(key) {
  return STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
}
