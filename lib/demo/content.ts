import type { Random } from '@/lib/random';

// Post templates of ordinary government content. Each yields [title, text]; variety comes from
// the slots, so ordinary items of different accounts never read as near-duplicates (D8 同质化).

export type ContentContext = { agency: string; place: string; day: string; kind: string };
type Template = (r: Random, c: ContentContext) => [string, string];

const LEVELS = ['蓝色', '黄色', '橙色'];
const HAZARDS = ['暴雨', '大风', '寒潮', '道路结冰', '高温', '大雾', '雷电'];
const ROADS = ['滨江大道', '人民路', '新华路', '解放路', '环城北路', '学府路', '建设路', '江川大桥'];
const SERVICES = ['居住证', '社保卡', '不动产登记', '企业开办', '医保报销', '公积金提取', '出入境证件', '新生儿落户'];
const POLICIES = [
  '促进高校毕业生就业若干措施',
  '老旧小区改造实施方案',
  '支持小微企业发展十条',
  '城乡居民医保缴费办法',
  '农村人居环境整治方案',
  '养老服务补贴管理办法',
];
const PLACES = ['城东', '城西', '滨江', '高新区', '老城区', '开发区', '南湖', '北山', '新区', '火车站片区'];

const n = (r: Random, min: number, max: number) => String(r.int(min, max));
const pick = <T>(r: Random, items: readonly T[]) => r.pick(items);

const GENERAL: Template[] = [
  (r, c) => [
    `【天气预警】${c.place}发布${pick(r, HAZARDS)}${pick(r, LEVELS)}预警`,
    `【天气预警】${c.day}${n(r, 6, 20)}时，气象台发布${pick(r, HAZARDS)}${pick(r, LEVELS)}预警信号，预计未来24小时${pick(r, PLACES)}一带影响较大。${c.agency}提醒广大市民减少不必要的外出，注意出行安全。`,
  ],
  (r, c) => [
    `【便民服务】${pick(r, SERVICES)}可以网上办了`,
    `【便民服务】${pick(r, SERVICES)}业务已接入“${c.place}政务”小程序，材料齐全的${n(r, 1, 5)}个工作日内办结。线下可到${pick(r, PLACES)}政务服务中心${n(r, 1, 30)}号窗口办理。`,
  ],
  (r, c) => {
    const p = pick(r, POLICIES);
    return [
      `【政策解读】一图读懂《${p}》`,
      `【政策解读】一图读懂《${p}》。文件自${c.day}起施行，共${n(r, 8, 20)}条，明确了补贴标准、申请条件和办理流程。`,
    ];
  },
  (r, c) => [
    `【工作动态】${c.agency}召开专题会议`,
    `【工作动态】${c.day}，${c.agency}召开${pick(r, ['冬季安全生产', '防汛防台', '营商环境优化', '民生实事推进', '森林防火'])}专题会议，部署下一阶段重点工作，共排查整改问题${n(r, 5, 120)}项。`,
  ],
  (r, c) => [
    `【公示】${c.agency}拟推荐名单公示`,
    `【公示】${c.agency}关于拟推荐${pick(r, ['先进集体', '文明家庭', '优秀志愿者', '最美基层干部'])}名单的公示，公示期${n(r, 5, 7)}个工作日，如有异议请拨打0${n(r, 570, 579)}-${n(r, 80000000, 89999999)}反映。`,
  ],
  (r, c) => [
    `【通知】${c.day}起办公时间调整`,
    `【通知】${c.day}起，${pick(r, PLACES)}政务服务大厅实行延时服务，工作日延长至18:30，周六上午正常办理${n(r, 20, 60)}项高频事项。如有疑问请拨打12345政务服务热线。`,
  ],
  (r, c) => [
    `【征求意见】《${pick(r, POLICIES)}（征求意见稿）》`,
    `【征求意见】${c.agency}就《${pick(r, POLICIES)}（征求意见稿）》公开征求意见，截止时间为${c.day}后${n(r, 15, 30)}日，欢迎社会各界提出宝贵意见。`,
  ],
  (r) => [
    `【12345热线】本周诉求办理情况`,
    `【12345热线】本周热线共受理群众诉求${n(r, 300, 3000)}件，按时办结率${n(r, 95, 99)}%，群众满意率${n(r, 90, 99)}%。诉求集中在${pick(r, ['物业管理', '道路交通', '噪音扰民', '供暖供水', '劳动保障'])}等方面。`,
  ],
];

const BY_KIND: Record<string, Template[]> = {
  police: [
    (r) => [
      `【防诈提醒】警惕“${pick(r, ['刷单返利', '冒充客服', '虚假投资', '冒充公检法'])}”诈骗`,
      `【防诈提醒】近期${pick(r, PLACES)}发生多起“${pick(r, ['刷单返利', '冒充客服', '虚假投资', '冒充公检法'])}”类诈骗，涉案金额${n(r, 2, 90)}万元。凡是要求转账到“安全账户”的都是诈骗！接到可疑电话请拨打110或96110核实。`,
    ],
    (r, c) => [
      `【警情通报】${c.day}警情通报`,
      `【警情通报】${c.day}${n(r, 8, 22)}时许，${pick(r, PLACES)}派出所接群众报警，民警迅速到场处置，嫌疑人已被依法采取刑事强制措施，案件正在进一步侦办中。`,
    ],
  ],
  traffic: [
    (r, c) => {
      const road = pick(r, ROADS);
      return [
        `【交通提示】${road}施工绕行`,
        `【交通提示】${c.day}起，${road}（${pick(r, ROADS)}至${pick(r, ROADS)}段）封闭施工约${n(r, 10, 60)}天，请过往车辆提前绕行。`,
      ];
    },
    (r) => [
      `【安全出行】文明驾驶`,
      `【安全出行】本周共查处酒驾醉驾${n(r, 5, 40)}起、不礼让行人${n(r, 50, 400)}起。开车不喝酒，喝酒不开车。`,
    ],
  ],
  health: [
    (r) => [
      `【健康科普】${pick(r, ['流感', '诺如病毒', '支原体肺炎', '手足口病'])}高发季防护指南`,
      `【健康科普】${pick(r, ['流感', '诺如病毒', '支原体肺炎', '手足口病'])}进入高发季，勤洗手、常通风，出现发热症状请及时就医。全市${n(r, 20, 90)}家接种门诊可预约接种。`,
    ],
    (r, c) => [
      `【义诊活动】专家进社区`,
      `【义诊活动】${c.day}，${n(r, 10, 40)}名医疗专家走进${pick(r, PLACES)}社区开展义诊，免费测量血压血糖${n(r, 100, 600)}人次。`,
    ],
  ],
  civil: [
    (r) => [
      `【文明实践】志愿服务进社区`,
      `【文明实践】本周全市开展志愿服务活动${n(r, 30, 200)}场，参与志愿者${n(r, 500, 5000)}人次，为${pick(r, ['空巢老人', '留守儿童', '环卫工人', '外来务工人员'])}送去温暖。`,
    ],
  ],
  propaganda: [
    (r, c) => [
      `【文旅】${c.place}周末好去处`,
      `【文旅】${c.place}${pick(r, ['古镇', '湿地公园', '茶园', '非遗馆'])}本周末举办${pick(r, ['非遗展演', '民俗市集', '音乐会', '摄影展'])}，活动免费开放，预计接待游客${n(r, 1, 9)}千人次。`,
    ],
  ],
  town: [
    (r, c) => [
      `【乡村振兴】${c.place}产业发展`,
      `【乡村振兴】${c.place}${pick(r, ['茶叶', '杨梅', '高山蔬菜', '稻渔共生'])}基地迎来丰收，今年预计带动${n(r, 50, 400)}户农户增收，户均增收${n(r, 2, 9)}千元。`,
    ],
    (r, c) => [
      `【村务公开】${c.day}村务公开`,
      `【村务公开】${c.place}各村${c.day}公开本季度财务收支和惠民资金发放情况，共涉及资金${n(r, 10, 300)}万元，欢迎群众监督。`,
    ],
  ],
};

const DETAILS: Template[] = [
  (r, c) => ['', `咨询电话：0${n(r, 570, 579)}-${n(r, 80000000, 89999999)}（${c.agency}）。`],
  (r, c) => ['', `截至目前，${c.place}已累计服务群众${n(r, 1000, 99999)}人次。`],
  (r) => ['', `本周共受理群众诉求${n(r, 10, 900)}件，办结率${n(r, 90, 99)}%。`],
  (r, c) => ['', `${c.place}${pick(r, PLACES)}片区现场设置引导员${n(r, 2, 30)}名、咨询台${n(r, 1, 6)}个。`],
  (r) => [
    '',
    `${pick(r, ['线上预约', '错峰办理', '提前准备材料', '关注官方通知'])}可节省等候时间，平均用时缩短${n(r, 10, 60)}分钟。`,
  ],
  (r, c) => ['', `此前${c.agency}已开展专项检查${n(r, 2, 40)}次，发现并整改问题${n(r, 3, 200)}处。`],
  (r) => [
    '',
    `全市共设${n(r, 12, 300)}个服务点，${pick(r, ['节假日照常办理', '工作日延时至晚上七点', '支持跨区通办', '提供帮办代办'])}。`,
  ],
  (r, c) => [
    '',
    `${c.day}前完成${pick(r, ['入户走访', '隐患排查', '信息核对', '资金发放', '设备调试'])}${n(r, 20, 3000)}户（处）。`,
  ],
  (r, c) => ['', `详情请关注“${c.place}”后续发布，或登录政务服务网查询（编号${n(r, 1000, 9999)}）。`],
  (r) => [
    '',
    `参与${pick(r, ['志愿者', '网格员', '社区工作者', '党员干部'])}${n(r, 5, 800)}人，覆盖${n(r, 3, 60)}个社区（村）。`,
  ],
];

/** One ordinary item: mostly the agency's own kind of content, plus varied detail sentences. */
export function governmentPost(r: Random, c: ContentContext): { title: string; text: string } {
  const own = BY_KIND[c.kind];
  const template = own && r.chance(0.55) ? pick(r, own) : pick(r, GENERAL);
  const [title, body] = template(r, c);
  const details = Array.from({ length: r.int(2, 3) }, () => pick(r, DETAILS)(r, c)[1]).join('');
  const tag = r.chance(0.25) ? ` #${c.place}#` : '';
  return { title, text: `${body}${details}${tag}` };
}

const QUESTIONS = [
  '请问居住证办理需要哪些材料？',
  '小区路灯坏了好几天了，什么时候能修？',
  '请问周末可以办理业务吗？',
  '这个补贴怎么申请？',
  '学校门口早上太堵了，能不能加派交警？',
  '请问外地户口可以办理吗？',
  '网上预约一直约不上怎么办？',
  '这个政策对个体户适用吗？',
];
const PRAISE = ['点赞！', '辛苦了！', '支持！', '很实用，已转发。', '为家乡点赞', '服务很贴心，上周去办很快就办好了'];
const REPLIES = [
  '您好，所需材料请以政务服务网公布的清单为准，也可拨打12345咨询。',
  '您好，已转交相关部门处理，感谢您的反映。',
  '您好，周六上午大厅正常办公，建议提前网上预约。',
  '您好，已安排工作人员核实，处理结果会及时反馈给您。',
  '您好，该政策适用范围详见原文第三条，如有疑问欢迎来电。',
];
const NICKNAMES = [
  '江川市民',
  '热心网友',
  '小区居民',
  '上班族',
  '老张',
  '李女士',
  '王先生',
  '家长',
  '大学生',
  '个体户',
];

export const citizenQuestion = (r: Random) => r.pick(QUESTIONS);
export const citizenPraise = (r: Random) => r.pick(PRAISE);
export const officialReply = (r: Random) => r.pick(REPLIES);
export const citizenName = (r: Random) => `${r.pick(NICKNAMES)}${r.int(10, 9999)}`;
