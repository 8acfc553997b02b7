import type { Random } from '@/lib/random';

const TOPICS = [
  (a: string, d: string) => `【天气预警】江川省气象台${d}发布暴雨黄色预警，${a}提醒广大市民减少外出，注意防范城市内涝。`,
  (a: string) => `【便民服务】${a}提醒您：居住证可通过“江川政务”小程序在线申请，材料齐全的3个工作日内办结。`,
  (a: string, d: string) => `【政策解读】一图读懂《促进高校毕业生就业若干措施》，${d}起施行，涉及就业补贴、创业担保贷款等12项内容。`,
  (a: string) => `【工作动态】${a}召开冬季安全生产专题会议，部署森林防火和燃气安全隐患排查工作。`,
  (a: string, d: string) => `【交通提示】${d}起，滨江大道（人民路至新华路段）封闭施工，请过往车辆提前绕行。`,
  () => `【健康科普】流感高发季，接种疫苗是预防流感最有效的手段，老年人和儿童请尽早接种。`,
  (a: string, d: string) => `【公示】${a}关于${d}拟推荐先进集体名单的公示，公示期5个工作日。`,
  () => `【防诈提醒】凡是要求转账到“安全账户”的都是诈骗！接到可疑电话请拨打110或96110核实。`,
  (a: string) => `【办事指南】${a}不动产登记“一窗受理”，企业开办最快半天办结。`,
  (a: string, d: string) => `【通知】${d}${a}政务服务大厅正常对外办公，如有疑问请拨打12345政务服务热线。`,
];

const QUESTIONS = ['请问居住证办理需要哪些材料？', '小区路灯坏了好几天了，什么时候能修？', '请问周末可以办理业务吗？', '这个补贴怎么申请？', '学校门口早上太堵了，能不能加派交警？'];
const PRAISE = ['点赞！', '辛苦了！', '支持！', '很实用，已转发。'];
const REPLIES = ['您好，所需材料请以“江川政务”公布的清单为准，也可拨打12345咨询。', '您好，已转交相关部门处理，感谢反映。', '您好，周六上午大厅正常办公。', '您好，已安排人员核实，处理结果会及时反馈。'];

export const formatDay = (d: Date) => `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

const DETAILS = [
  '咨询电话：0571-8{n}。', '具体以现场公告为准。', '欢迎广大群众监督。', '详情请关注后续通报。', '已累计服务群众{n}人次。',
  '本周共受理群众诉求{n}件，办结率98%。', '相关工作将持续推进。', '请相互转告。', '现场设置引导员{n}名。', '线上预约可节省等候时间。',
  '全市共设{n}个服务点。', '此前已开展专项检查{n}次。', '所需材料可在官网下载。', '节假日期间照常办理。', '有关情况将及时发布。',
];
const PLACES = ['城东', '城西', '滨江', '高新区', '老城区', '开发区', '南湖', '北山', '新区', '火车站片区'];

/** Template plus varied details, so ordinary items of different accounts are not near-duplicates. */
export function governmentPost(r: Random, agencyName: string, at: Date): string {
  const detail = () => r.pick(DETAILS).replace('{n}', String(r.int(10, 9999)));
  const extra = Array.from({ length: r.int(1, 3) }, detail).join('');
  return `${r.pick(TOPICS)(agencyName, formatDay(at))}${r.pick(PLACES)}${extra}${r.chance(0.3) ? ` #${agencyName.slice(0, 4)}#` : ''}`;
}

export const citizenQuestion = (r: Random) => r.pick(QUESTIONS);
export const citizenPraise = (r: Random) => r.pick(PRAISE);
export const officialReply = (r: Random) => r.pick(REPLIES);
