// SqliteCommerceStores: the four commerce stores on one database, built together so the app can
// wire commerce::ShoppingService in two lines:
//
//   store::SqliteCommerceStores stores(*database);
//   commerce::ShoppingService shopping(stores.catalog, stores.lists, stores.orders,
//                                      stores.customers, clock);
//
// Thread safety: as each store (safe from many threads). Borrows the database.
#pragma once

#include "store/sqlite/catalog_store.h"
#include "store/sqlite/customer_store.h"
#include "store/sqlite/list_store.h"
#include "store/sqlite/order_store.h"

namespace chariot::store {

struct SqliteCommerceStores {
  explicit SqliteCommerceStores(Database& database)
      : catalog(database), lists(database), orders(database), customers(database) {}
  SqliteCatalogStore catalog;
  SqliteListStore lists;
  SqliteOrderStore orders;
  SqliteCustomerStore customers;
};

}  // namespace chariot::store
