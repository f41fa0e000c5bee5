#!/usr/bin/env bash
# Times the inbox search as Parley sends it (the staff inbox's page and its count; the same SQL Hibernate
# generates from InboxSpecifications with chat_mentions on PostgreSQL) over the schema that
# search-million-seed.sql made: ./search-million-query.sh [runs] [word ...]. Prints p50 and max per query.
set -euo pipefail
runs=${1:-11}; shift || true
words=("${@:-word1234 nosuchword parcel}")
psql_=(psql -X -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${PGDATABASE:-test}")
filter="(lower(ic.ticket_number) LIKE \$1 ESCAPE '\\' OR lower(ic.subject) LIKE \$1 ESCAPE '\\'
  OR lower(ic.customer_name) LIKE \$1 ESCAPE '\\' OR lower(ic.customer_email) LIKE \$1 ESCAPE '\\'
  OR (ic.chat_id IN (SELECT m.chat_id FROM history_message m WHERE m.sender_side IS NOT NULL
      AND to_tsvector('simple', m.content) @@ websearch_to_tsquery('simple', \$2))) = true)"
for word in ${words[*]}; do
  for query in page total; do
    if [[ $query == page ]]; then
      sql="SELECT chat_id FROM inbox_chat ic WHERE $filter ORDER BY ic.updated_at DESC, ic.chat_id LIMIT 20"
    else
      sql="SELECT count(*) FROM inbox_chat ic WHERE $filter"
    fi
    times=$(for _ in $(seq "$runs"); do
      "${psql_[@]}" -c "SET search_path = staff_search_bench" -c "PREPARE q(text, text) AS $sql" \
        -c "EXPLAIN ANALYZE EXECUTE q('%$word%', '$word')" | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p'
    done | sort -n)
    p50=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$times"); max=$(tail -1 <<<"$times")
    echo "$word $query: p50 ${p50} ms, max ${max} ms over $runs runs"
  done
done
