/**
 * Chinese surnames for name detection (PUB-4 · SX25-P 16(一); GS-P 9(一)):
 * the complete 《百家姓》 (single and 复姓, in its traditional order) plus the
 * surnames of the Ministry of Public Security's surname statistics that it
 * lacks or writes in another form (付、肖、闫、覃 …).
 *
 * No maintained package of the npm registry publishes a surname list as data
 * (the ones that use one, e.g. pinyin converters, keep it internal), so the
 * list is kept here, checked by surnames.test.ts.
 *
 * `AMBIGUOUS_SURNAMES` are also everyday words (和、于、向、时、方、成 …): a name
 * starting with one of them needs a second sign — word segmentation tagging
 * it as a person name, or a role word before it — to be masked outright;
 * otherwise it is flagged 疑似个人信息 for the clerk.
 */

const BAIJIAXING_SINGLE =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况有琴商牟佘佴伯赏墨哈谯笪年爱阳佟言福';

/** In the national statistics but missing from 《百家姓》, or written there in a traditional or variant form. */
const MODERN_SINGLE = '付肖覃邝甯粟冼揭谌仝苟代母兰腾郁卜綦练区黑旷眭操寻铁亓芦麦兀蔡喇蹇阿展植粱闭银';

/** 《百家姓》's 复姓 and other compound surnames in use. */
export const ALL_COMPOUND_SURNAMES: readonly string[] = [
  '万俟', '司马', '上官', '欧阳', '夏侯', '诸葛', '闻人', '东方', '赫连', '皇甫', '尉迟', '公羊', '澹台', '公冶', '宗政', '濮阳',
  '淳于', '单于', '太叔', '申屠', '公孙', '仲孙', '轩辕', '令狐', '钟离', '宇文', '长孙', '慕容', '鲜于', '闾丘', '司徒', '司空',
  '亓官', '司寇', '仉督', '子车', '颛孙', '端木', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '拓跋', '夹谷', '宰父', '谷梁',
  '段干', '百里', '东郭', '南门', '呼延', '归海', '羊舌', '微生', '梁丘', '左丘', '东门', '西门', '南宫', '第五', '太史', '独孤',
];

/** Every single-character surname, without duplicates. */
export const ALL_SINGLE_SURNAMES: string = [...new Set([...BAIJIAXING_SINGLE, ...MODERN_SINGLE])].join('');

/** Surnames that are also everyday words or parts of them (和、于、向、时 …). */
export const AMBIGUOUS_SURNAMES =
  '和于时向成全应安方常明平元万支经干解家能双从通都满国文东空利相后有言福年爱商山谷车白索阴红公师水云花乐计伏谈强路危盛单包诸左石吉程封松井富乌巴弓牧全班仰秋伊宁暴甘祖武符景束幸司印宿怀从咸籍能苍双通边尚农别充连习鱼容古易慎终居衡步满弘广禄东利越隆师融冷那简空养须丰关相查后荆红游权盖益公法有伯赏年爱阳言福黑铁展植闭银练操寻代母区兰';

export function isSingleSurname(ch: string): boolean {
  return ch.length > 0 && ALL_SINGLE_SURNAMES.includes(ch);
}

/** The surname `s` starts with (compound first), or ''. */
export function leadingSurname(s: string): string {
  for (const c of ALL_COMPOUND_SURNAMES) if (s.startsWith(c)) return c;
  const first = s[0] ?? '';
  return isSingleSurname(first) ? first : '';
}
