/** Request bodies shared by several test files. */
export const SG_BENEFICIARY = {
  nickname: "Supplier SG",
  entityType: "company",
  companyName: "Lion Supplies Pte Ltd",
  address: "1 Fusionopolis Way",
  city: "Singapore",
  country: "SG",
  bankAccount: {
    accountNumber: "0123456789",
    bankAccountHolderName: "Lion Supplies Pte Ltd",
    bankName: "DBS Bank Ltd",
    country: "SG",
    currency: "SGD",
  },
};
