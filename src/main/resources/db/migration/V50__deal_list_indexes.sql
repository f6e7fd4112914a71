-- Issue 15, item 12 (bench/README.md, WorkspaceListsBench): at 100 000 deals the desktop's page
-- (newest first) and each column of the board (a stage, newest first) walk an index instead of
-- sorting every deal; a manager's deals and the new requests nobody took are found by responsible.
create index deal_updated_idx on deal (updated_at desc, id desc);
create index deal_stage_updated_idx on deal (stage, updated_at desc, id desc);
