/**
 * `compute` with its answers kept by argument: for pure functions of a string that the loads of
 * the site data ask of every story again after each save in the preview (a story's slug, its
 * tags', the locations of its addresses). The answers stay for the life of the process, one per
 * distinct argument.
 */
export function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
