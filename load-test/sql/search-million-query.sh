#!/usr/bin/env bash
# Times the staff inbox search as Parley sends it (InboxListing on PostgreSQL: the page of 20 with every column
# the inbox reads, and its count) over the schema search-million-seed.sql made:
#   ./search-million-query.sh [runs] [text ...]
# Each query runs in one session, as on the server's pooled connections: prepared once, executed runs + 1 times,
# the first (cold backend, custom plan) dropped; prints p50 and max of the server's execution times per query.
# The server skips the count when a first page is not full; it is timed here anyway. STATUS=active adds the
# console's default filter (status IN open, in_progress, pending), as GET /api/chats?status=active&q= sends it.
set -euo pipefail
runs=${1:-11}; shift || true
if [[ $# -gt 0 ]]; then texts=("$@"); else texts=(word1234 nosuchword parcel c4242@example tkt-2026-00424); fi
psql_=(psql -X -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${PGDATABASE:-test}")
columns="chat_id, ticket_number, subject, category, priority, status, customer_id, customer_type, customer_name,
  customer_email, agent_id, agent_name, created_at, updated_at, resolved_at, closed_at, resolution_summary, tags,
  rating_score, rating_comment, rated_at, last_seq, version, queued_at"
filter="(search_fields LIKE \$1 ESCAPE '\\' OR message_words @@ websearch_to_tsquery('simple', \$2))"
[[ ${STATUS:-} == active ]] && filter="status IN ('OPEN', 'IN_PROGRESS', 'PENDING') AND $filter"
for text in "${texts[@]}"; do
  pattern="%$(tr '[:upper:]' '[:lower:]' <<<"$text")%"
  for query in page total; do
    if [[ $query == page ]]; then
      sql="SELECT $columns FROM inbox_chat WHERE $filter ORDER BY updated_at DESC, chat_id LIMIT 20 OFFSET 0"
    else
      sql="SELECT count(*) FROM inbox_chat WHERE $filter"
    fi
    executions=()
    for _ in $(seq $((runs + 1))); do executions+=(-c "EXPLAIN ANALYZE EXECUTE q('$pattern', '$text')"); done
    times=$("${psql_[@]}" -c "SET search_path = staff_search_bench" -c "PREPARE q(text, text) AS $sql" \
      "${executions[@]}" | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' | tail -n +2 | sort -n)
    p50=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$times"); max=$(tail -1 <<<"$times")
    echo "$text $query: p50 ${p50} ms, max ${max} ms over $runs runs"
  done
done
