/**
 * "a" or "an" before a word, by its first sound as English spelling suggests
 * it: "an" before a vowel letter except where it sounds like a consonant
 * ("a unit", "a one-way", "a euro"), before a silent "h" ("an hour"), before
 * digits read with a vowel ("an 8", "an 11", "an 18") and before
 * abbreviations read letter by letter whose first letter's name starts with
 * a vowel ("an FBI agent"). A heuristic: "a one-off", "an hour" are right,
 * rarer exceptions ("a unanimous") are not covered.
 */
const CONSONANT_SOUNDING = /^(uni(?!nt|mp|nf|ns|nd|nh|nc|nl|nm|nsp)|use|usu|usa|uti|ura|ure|uro|uvu|ubiq|eu|ewe|one(?!r)|once|ouija)/;
const SILENT_H = /^(hour|honest|honou?r|heir|herb)/;
const VOWEL_LETTER_NAMES = 'AEFHILMNORSX';

/** The indefinite article ("a" or "an") to put before `word`. */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const w = word.replace(/^[^\p{L}\p{N}]+/u, '');
  if (w === '') return 'a';
  if (/^\d/.test(w)) return /^(8|11(?!\d)|18(?!\d)|11\d{2}(?!\d)|18\d{2}(?!\d))/.test(w) ? 'an' : 'a';
  // An abbreviation of two or three capitals, or one without vowels, is read
  // letter by letter ("an FBI", "an HTML"); longer ones with vowels are read
  // as words ("a NATO").
  const caps = /^\p{Lu}{2,}(?![\p{Ll}])/u.exec(w)?.[0];
  if (caps && (caps.length <= 3 || !/[AEIOU]/.test(caps))) return VOWEL_LETTER_NAMES.includes(w[0] as string) ? 'an' : 'a';
  const lower = w.toLowerCase();
  if (SILENT_H.test(lower)) return 'an';
  if (CONSONANT_SOUNDING.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}
