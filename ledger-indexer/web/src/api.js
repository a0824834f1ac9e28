// Reads of the indexer's REST API (same origin). Failures become sentences: a problem's detail,
// or what went wrong with the connection, never raw JSON.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** GETs /v1/<path> and returns the whole answer ({block, data, nextCursor}). */
export async function read(path) {
  let response;
  try {
    response = await fetch(`/v1/${path}`, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('The indexer cannot be reached; is it running?', 0);
  }
  if (response.ok) {
    return response.json();
  }
  let detail = `The indexer answered ${response.status}.`;
  try {
    const problem = await response.json();
    detail = problem.detail || problem.title || detail;
  } catch (e) {
    // not a problem body: keep the status line
  }
  throw new ApiError(sentence(detail), response.status);
}

/** Every page of a list, up to `max` items. */
export async function readAll(path, max = 500) {
  const items = [];
  let cursor = null;
  let answer;
  do {
    const sep = path.includes('?') ? '&' : '?';
    answer = await read(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...answer.data);
    cursor = answer.nextCursor;
  } while (cursor && items.length < max);
  return { block: answer.block, data: items };
}

function sentence(text) {
  const trimmed = String(text).trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
