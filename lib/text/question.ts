import { foldText } from './normalize';

/**
 * Statements built from question words, blanked out before the question cues are looked for: 什么都好, 没什么,
 * 没啥, 不怎么样, 怎么也想不到, 哪怕, 哪里哪里 (polite "not at all"), 哪都行, 哪吒 (folded to 哪咤), 谁都知道, 或多或少, 多少有点, 吗啡.
 */
const STATEMENT_IDIOMS =
  /(?:什么|啥)[都也]|[没不](?:什么|啥)|不怎么|怎么[也都]|哪怕|哪里哪里|哪[都也]|哪咤|谁[都也]|或多或少|多少[有会也还]|吗啡/g;

/**
 * A comment asks something when, after folding (traditional→simplified, full width) and blanking the idioms
 * above, it holds one of these cues (docs/text-analysis.md, "Questions for D5"):
 * - a question mark (？ ? ﹖ ⁇);
 * - an asking phrase: 请问 咨询 想问 问一下 请教 打听 求助 求问 想了解 想知道 请告知 麻烦告知;
 * - an interrogative word: 怎么 怎样 咋 如何 为什么 为何 为啥 什么 啥 谁 哪 几点 几号 几时 多少 多久 多长时间
 *   是否 能否 可否 吗 干嘛;
 * - an A-not-A choice: 是不是 能不能 有没有 可不可以 要不要 好不好 … (any character, 不 or 没, the same character).
 */
const QUESTION_MARK = /[?？⁇﹖]/;
const QUESTION_CUES = new RegExp(
  [
    '请问|咨询|想问|问一下|请教|打听|求助|求问|想了解|想知道|请告知|麻烦告知',
    '怎么|怎样|咋|如何|为什么|为何|为啥|什么|啥|谁|哪|几点|几号|几时|多少|多久|多长时间|是否|能否|可否|吗|干嘛',
    '([\\u4e00-\\u9fff])[不没]\\1',
  ].join('|'),
);

/** Whether a comment's text asks the account something (D5 counts replies to questions). */
export function isQuestion(text: string): boolean {
  // Folding turns sentence punctuation into spaces, so the question mark is looked for in the raw text.
  return (
    QUESTION_MARK.test(text) ||
    QUESTION_CUES.test(foldText(text).replace(STATEMENT_IDIOMS, (m) => ' '.repeat(m.length)))
  );
}
