/**
 * What generated documents are made of: made-up places, department types with their functional
 * classification (类/款/项, 2021 codes), their projects, and each project's outputs (a quantity × a
 * unit price), quality, timeliness, benefit and satisfaction indicators. Descriptions carry no
 * digits, so nothing in them is read as a figure.
 */

export const REGIONS = [
  ['青山县', '东江省临川市青山县'],
  ['临河区', '东江省临川市临河区'],
  ['江北县', '西岭省安平市江北县'],
  ['石门县', '西岭省安平市石门县'],
  ['桃源区', '南湖省清远市桃源区'],
  ['松阳县', '南湖省清远市松阳县'],
  ['云溪县', '北川省丰宁市云溪县'],
  ['河口区', '北川省丰宁市河口区'],
  ['安平市', '西岭省安平市'],
  ['清远市', '南湖省清远市'],
] as const;

export interface WorkSpec {
  /** the thing produced or bought: 普法宣传手册 */
  item: string;
  verb: string;
  /** the counter of the quantity: 册, 人次, 亩 */
  counter: string;
  /** unit price range in 元 */
  price: [number, number];
  qty: [number, number];
  /** what the row says it is, without digits */
  desc: string;
  /** procured as such: a procurement line of this many units at this price */
  procure?: '货物' | '服务' | '工程';
}

export type Benefit =
  | { kind: 'word'; level2: string; name: string; desc: string; value: string }
  | { kind: 'rate'; level2: string; name: string; desc: string; min: number }
  /** lower is better (发生率, 投诉率): a ceiling */
  | { kind: 'reverse'; level2: string; name: string; desc: string; max: number }
  /** electricity, in 千瓦时 */
  | { kind: 'energy'; level2: string; name: string; desc: string; max: [number, number] };

export interface ProjectSpec {
  /** 项目名称 */
  name: string;
  /** the 项 row: 7-digit code and its name in the classification */
  code: string;
  row: string;
  works: WorkSpec[];
  quality: [name: string, desc: string];
  /** 时效: "<task>完成时间" */
  task: string;
  benefits: Benefit[];
  satisfaction: [name: string, desc: string];
  /** a service contract bought for the project (a fraction of its funds) */
  service?: string;
  goal: string;
}

export interface DeptSpec {
  type: string;
  /** the main class and section: 行政运行 and 一般行政管理事务 sit in this 款 */
  main: { cls: string; kuan: string };
  /** the vehicle as procured */
  vehicle: string;
  projects: ProjectSpec[];
  /** a project paid from the government fund budget, when the department has one */
  fund?: ProjectSpec;
  /** department-wide indicators that no project has */
  deptGoal: string;
}

/** 类 and 款 names by code. */
export const CLASS_NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '20105': '统计信息事务',
  '20106': '财政事务',
  '20138': '市场监督管理事务',
  '204': '公共安全支出',
  '20406': '司法',
  '205': '教育支出',
  '20501': '教育管理事务',
  '20502': '普通教育',
  '20508': '进修及培训',
  '207': '文化旅游体育与传媒支出',
  '20701': '文化和旅游',
  '20702': '文物',
  '20703': '体育',
  '20708': '广播电视',
  '208': '社会保障和就业支出',
  '20802': '民政管理事务',
  '20805': '行政事业单位养老支出',
  '20810': '社会福利',
  '210': '卫生健康支出',
  '21001': '卫生健康管理事务',
  '21004': '公共卫生',
  '21007': '计划生育事务',
  '21011': '行政事业单位医疗',
  '211': '节能环保支出',
  '21101': '环境保护管理事务',
  '21102': '环境监测与监察',
  '21103': '污染防治',
  '212': '城乡社区支出',
  '21208': '国有土地使用权出让收入安排的支出',
  '213': '农林水支出',
  '21301': '农业农村',
  '220': '自然资源海洋气象等支出',
  '22001': '自然资源事务',
  '221': '住房保障支出',
  '22102': '住房改革支出',
  '229': '其他支出',
  '22960': '彩票公益金安排的支出',
};

export const sat = (who: string): [string, string] => [`${who}满意度`, `满意和较满意的${who}占调查总数的比率`];

export const word = (name: string, desc: string, value = '显著', level2 = '社会效益指标'): Benefit => ({ kind: 'word', level2, name, desc, value });
const rate = (name: string, desc: string, min: number, level2 = '社会效益指标'): Benefit => ({ kind: 'rate', level2, name, desc, min });
export const reverse = (name: string, desc: string, max: number, level2 = '社会效益指标'): Benefit => ({ kind: 'reverse', level2, name, desc, max });
const energy = (name: string, desc: string, max: [number, number]): Benefit => ({ kind: 'energy', level2: '生态效益指标', name, desc, max });

export const DEPARTMENTS: DeptSpec[] = [
  {
    type: '市场监督管理局',
    main: { cls: '201', kuan: '20138' },
    vehicle: '执法执勤用车',
    deptGoal: '加强市场监管，维护公平竞争的市场秩序，守住食品药品安全底线。',
    projects: [
      {
        name: '食品安全监管',
        code: '2013816',
        row: '食品安全监管',
        works: [
          { item: '食品安全监督抽检', verb: '完成', counter: '批次', price: [1000, 1500], qty: [800, 2000], desc: '全年完成的食品安全监督抽检任务' },
          { item: '食品快速检测', verb: '开展', counter: '批次', price: [30, 60], qty: [3000, 8000], desc: '农贸市场和学校食堂的快速检测' },
        ],
        quality: ['不合格食品核查处置率', '已核查处置的不合格食品占抽检不合格食品的比率'],
        task: '年度抽检任务',
        benefits: [word('群众食品安全意识', '群众食品安全知识知晓程度明显提高'), reverse('区域性食品安全事故发生率', '发生区域性食品安全事故的比率', 1)],
        satisfaction: sat('群众'),
        service: '食品安全监督抽检服务',
        goal: '全面完成食品安全监督抽检和快速检测任务，及时核查处置不合格食品，守住不发生区域性、系统性食品安全风险的底线。',
      },
      {
        name: '市场主体登记管理',
        code: '2013804',
        row: '市场主体管理',
        works: [{ item: '登记档案数字化', verb: '完成', counter: '卷', price: [8, 15], qty: [2000, 12000], desc: '历年市场主体登记档案的扫描和著录' }],
        quality: ['档案数字化验收合格率', '验收合格的数字化档案占全部数字化档案的比率'],
        task: '档案数字化',
        benefits: [word('企业开办便利程度', '企业开办手续进一步简化，办理时间缩短')],
        satisfaction: sat('办事企业'),
        goal: '完成市场主体登记档案数字化，提升登记注册服务效率。',
      },
      {
        name: '市场秩序执法',
        code: '2013805',
        row: '市场秩序执法',
        works: [{ item: '执法专项检查', verb: '开展', counter: '次', price: [2000, 5000], qty: [20, 80], desc: '围绕重点领域组织的专项执法检查' }],
        quality: ['案件按期办结率', '按期办结的案件占立案案件总数的比率'],
        task: '专项执法检查',
        benefits: [reverse('消费投诉率', '被投诉经营者占辖区经营者总数的比率', 5)],
        satisfaction: sat('消费者'),
        goal: '开展重点领域专项执法检查，依法查处违法行为，营造安全放心的消费环境。',
      },
      {
        name: '质量基础建设',
        code: '2013810',
        row: '质量基础',
        works: [
          { item: '计量器具检定', verb: '完成', counter: '台', price: [80, 200], qty: [500, 3000], desc: '强制检定计量器具的检定工作' },
          { item: '标准化业务培训', verb: '组织', counter: '人次', price: [150, 300], qty: [100, 600], desc: '面向企业的标准化业务培训' },
        ],
        quality: ['计量器具检定合格率', '检定合格的计量器具占受检计量器具的比率'],
        task: '强制检定',
        benefits: [word('产品质量水平', '辖区重点产品质量抽查合格水平稳步提高')],
        satisfaction: sat('企业'),
        goal: '夯实计量、标准等质量基础，服务企业提质增效。',
      },
      {
        name: '药品安全监管',
        code: '2013812',
        row: '药品事务',
        works: [{ item: '药品抽检样品', verb: '抽检', counter: '批次', price: [800, 1500], qty: [100, 400], desc: '药品零售和使用环节的监督抽检' }],
        quality: ['药品抽检任务完成率', '已完成抽检的批次占计划抽检批次的比率'],
        task: '药品抽检',
        benefits: [reverse('药品安全事故发生率', '发生药品安全事故的比率', 1)],
        satisfaction: sat('群众'),
        goal: '加强药品流通和使用环节监管，保障群众用药安全。',
      },
    ],
  },
  {
    type: '司法局',
    main: { cls: '204', kuan: '20406' },
    vehicle: '公务用车',
    deptGoal: '推进法治政府建设，深化普法宣传，完善公共法律服务体系。',
    projects: [
      {
        name: '普法宣传经费',
        code: '2040605',
        row: '普法宣传',
        works: [
          { item: '普法宣传手册', verb: '印制', counter: '册', price: [3, 8], qty: [5000, 30000], desc: '面向群众发放的普法宣传手册' },
          { item: '普法宣传展板', verb: '制作', counter: '块', price: [150, 400], qty: [30, 200], desc: '在村和社区设置的普法宣传展板' },
          { item: '普法讲座', verb: '举办', counter: '场', price: [1000, 3000], qty: [20, 80], desc: '进机关、进学校、进社区的普法讲座' },
        ],
        quality: ['印制品验收合格率', '验收合格的印制品占印制品总数的比率'],
        task: '普法宣传活动',
        benefits: [word('群众法治意识', '群众学法用法意识明显增强'), rate('群众法律知识知晓率', '知晓基本法律知识的群众占调查群众的比率', 85)],
        satisfaction: sat('群众'),
        goal: '印制普法手册、制作普法展板、举办普法讲座，提升群众法治意识。',
      },
      {
        name: '人民调解工作经费',
        code: '2040604',
        row: '基层司法业务',
        works: [
          { item: '人民调解员培训', verb: '组织', counter: '人次', price: [200, 400], qty: [300, 1200], desc: '参加业务培训的人民调解员' },
          { item: '调解案件补贴', verb: '发放', counter: '件', price: [80, 150], qty: [500, 2000], desc: '按件发放的人民调解案件补贴' },
        ],
        quality: ['人民调解成功率', '调解成功案件占调解案件总数的比率'],
        task: '调解员培训',
        benefits: [word('矛盾纠纷化解成效', '矛盾纠纷就地化解，社会和谐稳定')],
        satisfaction: sat('当事人'),
        goal: '培训人民调解员，落实调解案件补贴，及时化解矛盾纠纷。',
      },
      {
        name: '法律援助',
        code: '2040607',
        row: '公共法律服务',
        works: [{ item: '法律援助案件', verb: '办理', counter: '件', price: [1500, 3000], qty: [50, 300], desc: '为经济困难群众办理的法律援助案件' }],
        quality: ['法律援助案件结案率', '已结案的法律援助案件占受理案件的比率'],
        task: '法律援助案件办理',
        benefits: [word('困难群众合法权益保障', '困难群众依法维权渠道畅通')],
        satisfaction: sat('受援人'),
        service: '公共法律服务热线运维服务',
        goal: '为经济困难群众提供法律援助，保障其合法权益。',
      },
      {
        name: '社区矫正',
        code: '2040610',
        row: '社区矫正',
        works: [{ item: '社区矫正对象教育', verb: '开展', counter: '人次', price: [100, 200], qty: [200, 1000], desc: '社区矫正对象的集中教育和心理辅导' }],
        quality: ['社区矫正对象接收率', '依法接收的社区矫正对象占应接收对象的比率'],
        task: '集中教育',
        benefits: [reverse('社区矫正对象再犯罪率', '社区矫正期间重新犯罪的对象占矫正对象的比率', 1)],
        satisfaction: sat('社区群众'),
        goal: '依法开展社区矫正工作，帮助矫正对象顺利融入社会。',
      },
    ],
  },
  {
    type: '财政局',
    main: { cls: '201', kuan: '20106' },
    vehicle: '公务用车',
    deptGoal: '深化预算管理制度改革，提高财政资金使用效益。',
    projects: [
      {
        name: '预算绩效管理',
        code: '2010604',
        row: '预算改革业务',
        works: [{ item: '重点绩效评价项目', verb: '委托评价', counter: '个', price: [20000, 60000], qty: [5, 30], desc: '委托第三方机构评价的重点项目' }],
        quality: ['评价报告验收合格率', '验收合格的评价报告占提交报告的比率'],
        task: '重点绩效评价',
        benefits: [word('预算管理水平', '预算编制的科学性和规范性进一步增强')],
        satisfaction: sat('预算单位'),
        service: '预算绩效评价服务',
        goal: '开展重点项目绩效评价，推动评价结果与预算安排挂钩。',
      },
      {
        name: '国库集中支付管理',
        code: '2010605',
        row: '财政国库业务',
        works: [{ item: '国库集中支付业务培训', verb: '组织', counter: '人次', price: [150, 300], qty: [200, 800], desc: '预算单位财务人员参加的支付业务培训' }],
        quality: ['支付凭证处理准确率', '处理无误的支付凭证占全部支付凭证的比率'],
        task: '支付业务培训',
        benefits: [reverse('资金支付差错率', '出现差错的支付笔数占支付总笔数的比率', 1)],
        satisfaction: sat('预算单位'),
        goal: '规范国库集中支付，保障财政资金安全、及时拨付。',
      },
      {
        name: '财政信息化建设',
        code: '2010607',
        row: '信息化建设',
        works: [{ item: '财政业务终端', verb: '购置', counter: '台', price: [4000, 8000], qty: [10, 60], desc: '更新的财政业务专用终端', procure: '货物' }],
        quality: ['业务系统正常运行率', '业务系统正常运行的时间占全年时间的比率'],
        task: '终端更新',
        benefits: [energy('信息化机房年用电量', '信息化机房全年消耗的电量', [50000, 150000])],
        satisfaction: sat('系统用户'),
        goal: '更新财政业务终端，保障预算管理一体化系统稳定运行。',
      },
      {
        name: '财政投资评审',
        code: '2010608',
        row: '财政委托业务支出',
        works: [{ item: '投资评审项目', verb: '完成', counter: '个', price: [10000, 30000], qty: [20, 100], desc: '政府投资项目的预算和结算评审' }],
        quality: ['评审报告按期提交率', '按期提交的评审报告占评审项目的比率'],
        task: '投资评审',
        benefits: [word('政府投资管理水平', '政府投资项目的资金使用更加规范')],
        satisfaction: sat('建设单位'),
        service: '工程造价咨询服务',
        goal: '开展政府投资项目评审，合理控制工程造价。',
      },
    ],
  },
  {
    type: '教育局',
    main: { cls: '205', kuan: '20501' },
    vehicle: '公务用车',
    deptGoal: '促进教育优质均衡发展，建设高素质教师队伍。',
    projects: [
      {
        name: '中小学教师培训',
        code: '2050803',
        row: '培训支出',
        works: [{ item: '教师集中培训', verb: '组织', counter: '人次', price: [300, 800], qty: [500, 3000], desc: '中小学教师参加的集中研修' }],
        quality: ['培训考核合格率', '考核合格的教师占参训教师的比率'],
        task: '集中研修',
        benefits: [word('教师专业能力', '教师教育教学能力明显增强')],
        satisfaction: sat('参训教师'),
        goal: '组织中小学教师集中研修，提升教师专业素养。',
      },
      {
        name: '教育督导评估',
        code: '2050199',
        row: '其他教育管理事务支出',
        works: [{ item: '督导评估学校', verb: '完成', counter: '所', price: [3000, 8000], qty: [20, 100], desc: '接受综合督导评估的中小学校' }],
        quality: ['督导报告按期完成率', '按期完成的督导报告占督导学校的比率'],
        task: '综合督导',
        benefits: [word('学校办学行为规范程度', '学校依法办学、规范办学水平提高')],
        satisfaction: sat('学校'),
        goal: '开展中小学校综合督导评估，规范学校办学行为。',
      },
    ],
  },
  {
    type: '农业农村局',
    main: { cls: '213', kuan: '21301' },
    vehicle: '执法执勤用车',
    deptGoal: '稳定粮食生产，提升农产品质量安全水平，推进乡村振兴。',
    projects: [
      {
        name: '农作物病虫害防控',
        code: '2130108',
        row: '病虫害控制',
        works: [{ item: '病虫害统防统治', verb: '开展', counter: '亩', price: [15, 30], qty: [10000, 50000], desc: '主要粮食作物病虫害的统一防治' }],
        quality: ['病虫害防治效果达标率', '防治效果达标的面积占防治面积的比率'],
        task: '统防统治',
        benefits: [reverse('农作物病虫危害损失率', '病虫危害造成的产量损失占总产量的比率', 5, '经济效益指标')],
        satisfaction: sat('种植户'),
        service: '病虫害统防统治服务',
        goal: '开展主要农作物病虫害统防统治，减少病虫危害损失。',
      },
      {
        name: '农产品质量安全监管',
        code: '2130109',
        row: '农产品质量安全',
        works: [{ item: '农产品质量安全抽检', verb: '完成', counter: '批次', price: [200, 500], qty: [500, 2000], desc: '农产品生产基地和批发市场的抽样检测' }],
        quality: ['抽检任务完成率', '已完成抽检的批次占计划抽检批次的比率'],
        task: '农产品抽检',
        benefits: [reverse('农药残留超标率', '农药残留超标的样品占抽检样品的比率', 2)],
        satisfaction: sat('消费者'),
        goal: '加强农产品质量安全监测，保障群众舌尖上的安全。',
      },
      {
        name: '农业综合行政执法',
        code: '2130110',
        row: '执法监管',
        works: [{ item: '农资市场执法检查', verb: '开展', counter: '次', price: [1000, 3000], qty: [30, 120], desc: '种子、农药、化肥等农资市场的执法检查' }],
        quality: ['违法案件查处率', '依法查处的案件占发现违法线索的比率'],
        task: '农资打假专项行动',
        benefits: [word('农资市场秩序', '农资市场秩序明显好转')],
        satisfaction: sat('农户'),
        goal: '开展农资打假专项行动，维护农民合法权益。',
      },
    ],
    fund: {
      name: '农村人居环境整治',
      code: '2120804',
      row: '农村基础设施建设支出',
      works: [{ item: '农村公厕改造', verb: '完成', counter: '座', price: [30000, 80000], qty: [10, 60], desc: '行政村公共厕所的新建和改造' }],
      quality: ['改造工程验收合格率', '验收合格的工程占完工工程的比率'],
      task: '公厕改造',
      benefits: [word('农村人居环境', '村容村貌明显改善', '明显', '生态效益指标')],
      satisfaction: sat('村民'),
      goal: '实施农村公厕改造，改善农村人居环境。',
    },
  },
  {
    type: '民政局',
    main: { cls: '208', kuan: '20802' },
    vehicle: '公务用车',
    deptGoal: '兜牢民生底线，完善养老服务体系，推进基层治理现代化。',
    projects: [
      {
        name: '地名标志设置',
        code: '2080207',
        row: '行政区划和地名管理',
        works: [{ item: '地名标志', verb: '设置', counter: '块', price: [300, 800], qty: [100, 600], desc: '城乡道路和村组的地名标志', procure: '货物' }],
        quality: ['地名标志设置规范率', '符合国家标准的地名标志占设置总数的比率'],
        task: '地名标志设置',
        benefits: [word('地名公共服务水平', '群众出行和寻址更加便利')],
        satisfaction: sat('群众'),
        goal: '规范设置地名标志，提升地名公共服务水平。',
      },
      {
        name: '社区治理能力提升',
        code: '2080208',
        row: '基层政权建设和社区治理',
        works: [{ item: '社区工作者培训', verb: '组织', counter: '人次', price: [200, 400], qty: [300, 1500], desc: '城乡社区工作者的能力培训' }],
        quality: ['培训结业率', '结业的学员占参训学员的比率'],
        task: '社区工作者培训',
        benefits: [word('社区治理能力', '社区服务和治理能力明显增强')],
        satisfaction: sat('社区居民'),
        goal: '加强社区工作者队伍建设，提升社区治理和服务能力。',
      },
      {
        name: '高龄津贴发放',
        code: '2081002',
        row: '老年福利',
        works: [{ item: '高龄津贴', verb: '发放', counter: '人', price: [600, 1200], qty: [1000, 5000], desc: '按月发放高龄津贴的老年人' }],
        quality: ['津贴发放准确率', '准确发放的津贴占应发津贴的比率'],
        task: '津贴发放',
        benefits: [word('高龄老人生活保障', '高龄老人基本生活得到保障')],
        satisfaction: sat('高龄老人'),
        goal: '按时足额发放高龄津贴，保障高龄老人基本生活。',
      },
      {
        name: '社会组织管理',
        code: '2080206',
        row: '社会组织管理',
        works: [{ item: '社会组织年检', verb: '完成', counter: '家', price: [200, 500], qty: [100, 500], desc: '登记在册社会组织的年度检查' }],
        quality: ['年检覆盖率', '参加年检的社会组织占登记社会组织的比率'],
        task: '年度检查',
        benefits: [word('社会组织规范化水平', '社会组织依法依章程开展活动')],
        satisfaction: sat('社会组织'),
        goal: '加强社会组织登记管理和年度检查，促进社会组织健康发展。',
      },
    ],
    fund: {
      name: '社区养老服务设施',
      code: '2296010',
      row: '用于社会福利的彩票公益金支出',
      works: [{ item: '社区养老服务站', verb: '建设', counter: '个', price: [50000, 150000], qty: [3, 15], desc: '城乡社区嵌入式养老服务站点' }],
      quality: ['服务站验收合格率', '验收合格的服务站占建成服务站的比率'],
      task: '服务站建设',
      benefits: [word('居家养老服务可及性', '老年人就近享受养老服务')],
      satisfaction: sat('服务老人'),
      goal: '建设社区养老服务站点，完善居家社区养老服务网络。',
    },
  },
  {
    type: '文化广电旅游体育局',
    main: { cls: '207', kuan: '20701' },
    vehicle: '公务用车',
    deptGoal: '繁荣群众文化，推动文化和旅游融合发展，广泛开展全民健身。',
    projects: [
      {
        name: '公共图书馆免费开放',
        code: '2070104',
        row: '图书馆',
        works: [{ item: '图书', verb: '采购', counter: '册', price: [30, 60], qty: [5000, 20000], desc: '公共图书馆新增馆藏纸质图书', procure: '货物' }],
        quality: ['图书编目上架率', '完成编目上架的图书占新购图书的比率'],
        task: '新书上架',
        benefits: [word('群众阅读氛围', '全民阅读氛围更加浓厚')],
        satisfaction: sat('读者'),
        goal: '保障公共图书馆免费开放，丰富馆藏资源。',
      },
      {
        name: '群众文化活动',
        code: '2070108',
        row: '文化活动',
        works: [{ item: '惠民文艺演出', verb: '组织', counter: '场', price: [5000, 15000], qty: [20, 80], desc: '送戏下乡等惠民文艺演出' }],
        quality: ['演出计划完成率', '已完成演出场次占计划场次的比率'],
        task: '惠民演出',
        benefits: [word('群众文化生活', '群众精神文化生活更加丰富')],
        satisfaction: sat('观众'),
        service: '惠民演出服务',
        goal: '组织惠民文艺演出，丰富群众精神文化生活。',
      },
      {
        name: '文化市场综合执法',
        code: '2070112',
        row: '文化和旅游市场管理',
        works: [{ item: '文化市场执法检查', verb: '开展', counter: '次', price: [800, 2000], qty: [40, 150], desc: '网吧、娱乐场所和旅游市场的执法检查' }],
        quality: ['举报案件办结率', '办结的举报案件占受理举报案件的比率'],
        task: '执法检查',
        benefits: [reverse('旅游投诉率', '被投诉的旅游经营单位占经营单位总数的比率', 3)],
        satisfaction: sat('游客'),
        goal: '加强文化和旅游市场监管，维护市场秩序。',
      },
    ],
    fund: {
      name: '全民健身设施建设',
      code: '2296002',
      row: '用于体育事业的彩票公益金支出',
      works: [{ item: '全民健身路径', verb: '安装', counter: '套', price: [20000, 50000], qty: [5, 30], desc: '行政村和社区的室外健身器材' }],
      quality: ['器材安装验收合格率', '验收合格的器材占安装器材的比率'],
      task: '器材安装',
      benefits: [word('群众健身条件', '群众就近健身更加便利')],
      satisfaction: sat('健身群众'),
      goal: '在行政村和社区安装全民健身路径，改善群众健身条件。',
    },
  },
  {
    type: '卫生健康委员会',
    main: { cls: '210', kuan: '21001' },
    vehicle: '公务用车',
    deptGoal: '做实基本公共卫生服务，提高突发公共卫生事件应急处置能力。',
    projects: [
      {
        name: '基本公共卫生服务',
        code: '2100408',
        row: '基本公共卫生服务',
        works: [{ item: '居民健康档案', verb: '建立', counter: '份', price: [5, 15], qty: [20000, 80000], desc: '常住居民电子健康档案的建立和更新' }],
        quality: ['健康档案规范化建档率', '规范建立的健康档案占建档总数的比率'],
        task: '健康档案更新',
        benefits: [word('居民健康素养', '居民健康素养水平稳步提高')],
        satisfaction: sat('居民'),
        goal: '为城乡居民提供基本公共卫生服务，提高居民健康水平。',
      },
      {
        name: '妇女两癌筛查',
        code: '2100409',
        row: '重大公共卫生服务',
        works: [{ item: '适龄妇女宫颈癌筛查', verb: '完成', counter: '人', price: [100, 200], qty: [2000, 8000], desc: '农村适龄妇女的宫颈癌免费筛查' }],
        quality: ['筛查结果随访率', '完成随访的异常病例占筛查异常病例的比率'],
        task: '筛查',
        benefits: [word('妇女健康保障水平', '宫颈癌早诊早治水平提高')],
        satisfaction: sat('受检妇女'),
        service: '宫颈癌筛查检测服务',
        goal: '开展农村适龄妇女宫颈癌筛查，做到早发现、早诊断、早治疗。',
      },
      {
        name: '卫生应急能力建设',
        code: '2100410',
        row: '突发公共卫生事件应急处理',
        works: [{ item: '卫生应急演练', verb: '组织', counter: '次', price: [5000, 15000], qty: [4, 12], desc: '传染病疫情等突发事件的应急演练' }],
        quality: ['突发事件规范处置率', '规范处置的突发公共卫生事件占报告事件的比率'],
        task: '应急演练',
        benefits: [reverse('突发事件报告延误率', '未按时限报告的突发公共卫生事件占发生事件的比率', 1)],
        satisfaction: sat('参演人员'),
        goal: '组织卫生应急演练，提升突发公共卫生事件处置能力。',
      },
    ],
  },
  {
    type: '自然资源局',
    main: { cls: '220', kuan: '22001' },
    vehicle: '执法执勤用车',
    deptGoal: '统筹国土空间规划，严格耕地保护，做好不动产登记。',
    projects: [
      {
        name: '村庄规划编制',
        code: '2200104',
        row: '自然资源规划及管理',
        works: [{ item: '实用性村庄规划', verb: '编制', counter: '个', price: [100000, 200000], qty: [3, 15], desc: '行政村实用性村庄规划的编制' }],
        quality: ['规划成果审查通过率', '通过审查的规划成果占提交成果的比率'],
        task: '村庄规划编制',
        benefits: [word('乡村建设有序程度', '乡村建设有规可依')],
        satisfaction: sat('村民'),
        service: '村庄规划编制服务',
        goal: '编制实用性村庄规划，引导乡村建设有序开展。',
      },
      {
        name: '不动产权籍调查',
        code: '2200109',
        row: '自然资源调查与确权登记',
        works: [{ item: '不动产权籍调查', verb: '完成', counter: '宗', price: [300, 800], qty: [500, 3000], desc: '农村宅基地和集体建设用地的权籍调查' }],
        quality: ['权籍调查成果合格率', '检查合格的调查成果占全部成果的比率'],
        task: '权籍调查',
        benefits: [word('群众财产权益保障', '农村不动产权属清晰，群众财产权益得到保障')],
        satisfaction: sat('权利人'),
        goal: '开展农村不动产权籍调查，推进房地一体确权登记。',
      },
      {
        name: '耕地保护动态巡查',
        code: '2200106',
        row: '自然资源利用与保护',
        works: [{ item: '耕地动态巡查', verb: '开展', counter: '次', price: [500, 1500], qty: [50, 200], desc: '对耕地和永久基本农田的动态巡查' }],
        quality: ['违法用地查处率', '依法查处的违法用地占发现违法用地的比率'],
        task: '动态巡查',
        benefits: [word('耕地保护成效', '耕地保有量和永久基本农田保护面积稳定', '稳定')],
        satisfaction: sat('群众'),
        goal: '开展耕地动态巡查，及时发现和制止违法占用耕地行为。',
      },
    ],
    fund: {
      name: '征地补偿',
      code: '2120801',
      row: '征地和拆迁补偿支出',
      works: [{ item: '集体土地征收', verb: '补偿', counter: '亩', price: [30000, 60000], qty: [20, 100], desc: '依法征收集体土地的补偿' }],
      quality: ['补偿款足额发放率', '足额发放的补偿款占应发补偿款的比率'],
      task: '补偿款发放',
      benefits: [word('被征地群众权益保障', '被征地群众合法权益得到保障')],
      satisfaction: sat('被征地群众'),
      goal: '依法足额发放征地补偿款，保障被征地群众合法权益。',
    },
  },
  {
    type: '生态环境局',
    main: { cls: '211', kuan: '21101' },
    vehicle: '执法执勤用车',
    deptGoal: '深入打好污染防治攻坚战，持续改善生态环境质量。',
    projects: [
      {
        name: '生态环境保护宣传',
        code: '2110104',
        row: '生态环境保护宣传',
        works: [
          { item: '环保宣传折页', verb: '印制', counter: '份', price: [1, 3], qty: [10000, 50000], desc: '面向群众发放的生态环境保护宣传资料' },
          { item: '环保主题宣传活动', verb: '开展', counter: '场', price: [2000, 6000], qty: [10, 40], desc: '六五环境日等主题宣传活动' },
        ],
        quality: ['宣传资料验收合格率', '验收合格的宣传资料占印制资料的比率'],
        task: '主题宣传活动',
        benefits: [rate('群众生态环境保护知识知晓率', '知晓生态环境保护知识的群众占调查群众的比率', 85)],
        satisfaction: sat('群众'),
        goal: '开展生态环境保护宣传，增强全社会生态环境保护意识。',
      },
      {
        name: '大气污染防治',
        code: '2110301',
        row: '大气',
        works: [{ item: '空气自动监测站运维', verb: '完成', counter: '个', price: [50000, 100000], qty: [2, 8], desc: '空气质量自动监测站的运行维护' }],
        quality: ['监测数据有效率', '有效监测数据占全部监测数据的比率'],
        task: '监测站运维',
        benefits: [rate('空气质量优良天数比率', '空气质量优良的天数占全年天数的比率', 80, '生态效益指标')],
        satisfaction: sat('群众'),
        service: '空气自动监测站运维服务',
        goal: '保障空气自动监测站稳定运行，为大气污染防治提供数据支撑。',
      },
      {
        name: '水污染防治',
        code: '2110302',
        row: '水体',
        works: [{ item: '水质监测断面', verb: '监测', counter: '个', price: [20000, 50000], qty: [5, 20], desc: '主要河流水质监测断面的采样监测' }],
        quality: ['监测任务完成率', '完成监测的断面占计划监测断面的比率'],
        task: '水质监测',
        benefits: [rate('地表水考核断面达标率', '水质达标的考核断面占考核断面的比率', 90, '生态效益指标')],
        satisfaction: sat('沿河群众'),
        goal: '开展主要河流水质监测，保障水环境安全。',
      },
    ],
  },
  {
    type: '统计局',
    main: { cls: '201', kuan: '20105' },
    vehicle: '公务用车',
    deptGoal: '提高统计数据质量，做好专项普查和抽样调查。',
    projects: [
      {
        name: '经济普查',
        code: '2010507',
        row: '专项普查活动',
        works: [
          { item: '普查员业务培训', verb: '组织', counter: '人次', price: [100, 250], qty: [200, 1000], desc: '普查员和普查指导员的业务培训' },
          { item: '普查入户登记', verb: '完成', counter: '户', price: [20, 50], qty: [5000, 30000], desc: '普查对象的清查和入户登记' },
        ],
        quality: ['普查表审核通过率', '审核通过的普查表占全部普查表的比率'],
        task: '普查登记',
        benefits: [word('普查成果应用', '普查成果为科学决策提供数据支撑')],
        satisfaction: sat('普查对象'),
        goal: '组织开展经济普查，摸清经济家底。',
      },
      {
        name: '住户抽样调查',
        code: '2010508',
        row: '统计抽样调查',
        works: [{ item: '记账户补贴', verb: '发放', counter: '户', price: [300, 600], qty: [100, 500], desc: '住户收支调查记账户的劳务补贴' }],
        quality: ['调查数据按时报送率', '按时报送的调查数据占应报送数据的比率'],
        task: '调查数据报送',
        benefits: [word('民生统计数据质量', '居民收支数据的代表性和准确性提高')],
        satisfaction: sat('记账户'),
        goal: '开展住户收支抽样调查，准确反映居民收入和消费状况。',
      },
    ],
  },
];

/** Department-wide indicators that no project table has: [level1, level2, name, desc, kind]. */
export const DEPT_INDICATORS = [
  { level1: '产出指标', level2: '质量指标', name: '重点工作任务按期完成率', desc: '按期完成的重点工作任务占年度重点工作任务的比率', min: 90 },
  { level1: '产出指标', level2: '时效指标', name: '政务信息公开及时率', desc: '按规定时限公开的政务信息占应公开信息的比率', min: 95 },
  { level1: '效益指标', level2: '社会效益指标', name: '部门职责履行成效', desc: '部门职责全面履行，各项工作有序推进', word: '显著' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '社会公众满意度', desc: '满意和较满意的社会公众占调查总数的比率', min: 85 },
] as const;

/** An item several departments print: shared by two of a document's projects, at one price. */
export const SHARED_WORK: WorkSpec = { item: '政策宣传单', verb: '印制', counter: '份', price: [1, 3], qty: [2000, 20000], desc: '面向服务对象发放的政策宣传单' };

export const BASES = ['工作计划', '上级下达任务', '历年工作数据', '现行市场价格', '问卷调查', '行业标准', '年度工作要点', '相关政策文件'] as const;

/** Characters put in place of one of the department's name by the typo injection. */
export const TYPO_CHARS = '场厂长常市式事是局据县现区趋司思法发生声农浓务物卫为健建委伟文闻化花统通教较育预然燃态太源原';
