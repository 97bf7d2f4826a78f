/** Puts `{{field}}` in place of the selection [start, end) and says where the caret goes after it. */
export function insertMergeField(text: string, start: number, end: number, field: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const token = `{{${field}}}`;
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}
