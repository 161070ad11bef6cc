-- The home page reads every slot in its order, with its items, inside its one statement: walked from this
-- index, the items come out in page order from slot_items_by_position with nothing left to sort.
CREATE INDEX slots_by_order ON slots(sort_order, id);
