// ShoppingService: the commerce facade the dialog flows and the HTTP routes borrow
// (dialog::Services::shopping, http::ServerDeps::shopping).
//
// Owns the four domain services over borrowed stores:
//   store::SqliteCommerceStores stores(*database);
//   commerce::ShoppingService shopping(stores.catalog, stores.lists, stores.orders,
//                                      stores.customers, clock);
// The catalog service is also the app's chariot::ProductResolver (shopping.resolver()).
// Construct it after SeedDemoData (it loads the synonyms at construction).
//
// Thread safety: safe from many threads. Everything borrowed must outlive it.
#pragma once

#include "commerce/catalog_service.h"
#include "commerce/customer_service.h"
#include "commerce/list_service.h"
#include "commerce/order_service.h"
#include "core/clock.h"

namespace chariot::commerce {

class ShoppingService {
 public:
  ShoppingService(store::CatalogStore& catalog, store::ListStore& lists, store::OrderStore& orders,
                  store::CustomerStore& customers, const Clock& clock)
      : catalog_(catalog, orders),
        lists_(lists, catalog, clock),
        orders_(orders, catalog, clock),
        customers_(customers, catalog, clock),
        clock_(clock) {}

  CatalogService& catalog() { return catalog_; }
  ListService& lists() { return lists_; }
  OrderService& orders() { return orders_; }
  CustomerService& customers() { return customers_; }
  const ProductResolver& resolver() const { return catalog_; }
  const Clock& clock() const { return clock_; }

 private:
  CatalogService catalog_;
  ListService lists_;
  OrderService orders_;
  CustomerService customers_;
  const Clock& clock_;
};

}  // namespace chariot::commerce
